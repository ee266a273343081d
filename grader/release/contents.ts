/**
 * Which of the kit's files go into a learner's copy. The list is of what goes in, not of what stays
 * out, so that a file added to the kit later (a test, a note, a cache) stays with the instructor
 * until someone decides a learner needs it. Inside those folders, whatever would give checks or
 * answers away is left out.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { KnownMistake } from '../checking/mistake.js';

/**
 * The top-level entries a learner's copy takes from the kit, as they are. Its README.md,
 * package.json and package-lock.json are written for it instead (see `package.ts`, `readme.ts`).
 */
export const learnerEntries = ['exercises', 'grader', 'docs', 'tsconfig.json', '.gitignore', 'LICENSE'];

/** Folders never copied, wherever they are: builds, state, caches, installs, history. */
const neverCopied = new Set(['.kit-build', '.kit-state', 'node_modules', '.git', '.vite', 'coverage']);

/**
 * Whether a path (from the kit's root, with `/`) stays with the instructor: hidden checks, known
 * mistakes, correct variants, and tests wherever they are.
 */
export function isInstructorOnly(relative: string): boolean {
  const parts = relative.split('/');
  if (parts.some((part) => neverCopied.has(part))) return true;
  if (parts[0] === 'grader' && (parts[1] === 'mistakes' || parts[1] === 'variants')) return true;
  if (parts[0] === 'grader' && parts[1] === 'checks' && parts.length === 4 && parts[3]?.startsWith('hidden.')) return true;
  return /\.(test|spec)\.[cm]?[jt]s$/.test(relative);
}

/**
 * An exercise's list of known mistakes as a learner's copy gets it: only the public checks of
 * each pattern (the copy runs no other, and hidden checks' ids stay with the instructor), and
 * only the mistakes a public check catches.
 */
export function learnerMistakeList(mistakes: readonly KnownMistake[], publicIds: ReadonlySet<string>): string {
  const entries = mistakes
    .map(({ id, title, hint, fails }) => ({ id, title, hint, fails: fails.filter((check) => publicIds.has(check)) }))
    .filter((mistake) => mistake.fails.length > 0);
  return [
    '// The learner\'s copy of this list: the public part of each pattern (written by `npm run release`).',
    "import { knownMistakes } from '../../checking/mistake.js';",
    '',
    `export default knownMistakes(${JSON.stringify(entries, null, 2)});`,
    '',
  ].join('\n');
}

/** The files of a learner's copy, by path from the kit's root (with `/`), sorted. */
export function learnerFiles(kitRoot: string): string[] {
  const files: string[] = [];
  const visit = (relative: string): void => {
    for (const entry of readdirSync(path.join(kitRoot, relative), { withFileTypes: true })) {
      const child = `${relative}/${entry.name}`;
      if (isInstructorOnly(child)) continue;
      if (entry.isDirectory()) visit(child);
      // Symbolic links could point anywhere, the kit's solutions included: they are not followed.
      else if (entry.isFile()) files.push(child);
    }
  };
  const top = readdirSync(kitRoot, { withFileTypes: true });
  for (const name of learnerEntries) {
    const entry = top.find((candidate) => candidate.name === name);
    if (entry?.isDirectory()) visit(name);
    else if (entry?.isFile()) files.push(name);
  }
  return files.sort();
}
