import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the kit's build of its own TypeScript goes; `grader/kit.mjs` keeps it current. */
export const buildDirName = '.kit-build';

function findKitRoot(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  // This file runs from `grader/` under tests and from `.kit-build/builds/<build>/grader/` in the CLI.
  const inBuild = here.split(path.sep).lastIndexOf(buildDirName);
  return inBuild === -1 ? path.resolve(here, '..') : here.split(path.sep).slice(0, inBuild).join(path.sep);
}

/** The folder holding the kit's package.json. */
export const kitRoot = findKitRoot();

/** The script every sandbox host runs: it loads the host's bundle (`host.cjs`) with V8's code cache. */
export const hostScript = path.join(kitRoot, buildDirName, 'grader', 'sandbox', 'host-loader.cjs');

/** Learner-side state (scores, hints shown); git-ignored. */
export const stateDir = path.join(kitRoot, '.kit-state');
