import { realpathSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the kit's build of its own TypeScript goes; `grader/kit.mjs` keeps it current. */
export const buildDirName = '.kit-build';

function findKitRoot(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  // This file runs from `grader/engine/` under tests and from `.kit-build/builds/<build>/grader/engine/` in the CLI.
  const inBuild = here.split(path.sep).lastIndexOf(buildDirName);
  return inBuild === -1 ? path.resolve(here, '..', '..') : here.split(path.sep).slice(0, inBuild).join(path.sep);
}

/** The path as the learner should read it: relative to where they are, when it is below. */
export function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}

/** The folder holding the kit's package.json. */
export const kitRoot = findKitRoot();

/**
 * The folder of the sandbox host's bundle (`host-loader.cjs`, `host.cjs` and V8's code cache of
 * it), beside the grader's build: the only files a sealed host can see. The grader's own build
 * (checks, mistakes, variants) is never there. A real path, as a sandbox binds it.
 */
export function hostDir(): string {
  const grader = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
  // From the build, the host of this very build; from the sources (tests), the current build's.
  const graderBuild = grader.split(path.sep).includes(buildDirName) ? grader : path.join(kitRoot, buildDirName, 'grader');
  return path.join(path.dirname(realpathSync(graderBuild)), 'host');
}

/** The name of the grader's build: it changes whenever a source of the grader does. */
export function graderBuild(): string {
  return path.basename(path.dirname(hostDir()));
}

/** Learner-side state (scores, hints shown); git-ignored. */
export const stateDir = path.join(kitRoot, '.kit-state');
