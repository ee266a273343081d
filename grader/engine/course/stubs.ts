/**
 * The stubs as the course hands them out. `exercises/<slug>/view.ts` is the learner's file and may
 * hold anything (a solution, work in progress); the stub it started from is kept beside it, in
 * `exercises/<slug>/.stub/view.ts`, which travels with every learner's copy. A release writes the
 * copy's `view.ts` files from there, `npm run reset` puts them back from there, and the kit check
 * grades these, not the working files.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { kitRoot } from '../paths.js';

/** What every handler of a stub answers until the learner writes it. */
export const stubAnswer = 'Not implemented yet';

/** The stub of exercise `slug`, by path from the kit's root (with `/`). */
export function stubPath(slug: string): string {
  return `exercises/${slug}/.stub/view.ts`;
}

/** The text of exercise `slug`'s stub in the kit at `root`, or null when the kit has none. */
export function readStub(slug: string, root = kitRoot): string | null {
  const file = path.join(root, stubPath(slug));
  return existsSync(file) ? readFileSync(file, 'utf8') : null;
}
