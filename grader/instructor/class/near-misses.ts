/**
 * "Did you mean": what in a hand-in looks like an exercise but is not where or what grading reads,
 * each said as the fix (`favorite-color/view.js: grading reads favorite-color/view.ts`). Only
 * named: a file under another name may be another thing (a compiled copy, an old draft), and
 * grading it on a guess could credit the wrong work. The folders looked into are bounded, so a
 * hand-in of thousands of folders costs no more than a few.
 */
import { readdirSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { exists, slugFolding } from './exercise-folders.js';

/** Names that say "my view", but not as `view.ts`: another extension, another case, a `.txt` added. */
const viewLike = /^view(\.[a-z]+)*$/i;

/** How many near misses a reason names: enough to show the pattern, short enough for one line. */
const shownMisses = 3;
const foldersLooked = 64;

function entriesOf(dir: string): Dirent[] {
  try {
    return readdirSync(dir, { withFileTypes: true }).slice(0, 1000);
  } catch {
    return [];
  }
}

/** Near misses directly in `dir` (an exercises folder, or what may be one); `shown` is `dir` as the learner names it. */
function missesIn(dir: string, shown: string, wanted: ReadonlySet<string>, zipsUnpacked: boolean): string[] {
  const misses: string[] = [];
  const at = (name: string): string => (shown ? `${shown}/${name}` : name);
  for (const entry of entriesOf(dir)) {
    const slug = slugFolding(entry.name.replace(/\.(ts|js|tsx|jsx|mts|mjs|cts|cjs|txt)$/i, ''));
    if (entry.isFile() && /\.zip$/i.test(entry.name)) {
      if (!(zipsUnpacked && shown === '')) misses.push(`${at(entry.name)}: a zip this deep is not unpacked; hand in the folder, or this zip alone`);
    } else if (entry.isFile() && slug && wanted.has(slug)) {
      misses.push(`${at(entry.name)}: put it in ${slug}/view.ts`);
    } else if (entry.isDirectory() && slug === null) {
      continue;
    } else if (entry.isDirectory() && slug && wanted.has(slug) && entry.name !== slug && exists(path.join(dir, entry.name, 'view.ts'))) {
      // Taken under its slug when it is the only such folder: here, another folder folds to it too.
      misses.push(`${at(entry.name)}/: name it ${slug}/`);
    } else if (entry.isDirectory() && slug && wanted.has(slug) && !exists(path.join(dir, entry.name, 'view.ts'))) {
      for (const file of entriesOf(path.join(dir, entry.name))) {
        if (file.name !== 'view.ts' && viewLike.test(file.name)) misses.push(`${at(`${entry.name}/${file.name}`)}: grading reads ${slug}/view.ts (TypeScript, that name)`);
      }
    }
  }
  return misses;
}

/** The folders a hand-in's exercises may be in: the folder, its `exercises/`, and what wraps them, 2 folders down. */
function placesIn(root: string): string[] {
  const places = [''];
  let level = [''];
  for (let depth = 1; depth <= 2; depth += 1) {
    level = level
      .flatMap((relative) =>
        entriesOf(path.join(root, relative))
          .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.') && entry.name !== 'node_modules' && slugFolding(entry.name) === null)
          .map((entry) => (relative ? `${relative}/${entry.name}` : entry.name)),
      )
      .slice(0, foldersLooked);
    places.push(...level, ...level.map((relative) => `${relative}/exercises`));
  }
  return [...new Set([...places, 'exercises'])].filter((relative) => relative === '' || exists(path.join(root, relative)));
}

/**
 * The near misses of a hand-in at `root` for the exercises in `wanted` (all of them when nothing
 * was found, the missing ones when some were), as one clause: "did you mean …", or null. With
 * `zipsUnpacked`, the zips at the top of `root` were unpacked and speak for themselves.
 */
export function nearMisses(root: string, wanted: ReadonlySet<string>, zipsUnpacked: boolean): string | null {
  const misses = placesIn(root).flatMap((relative) => missesIn(path.join(root, relative), relative, wanted, zipsUnpacked));
  if (misses.length === 0) return null;
  const more = misses.length > shownMisses ? ` (and ${misses.length - shownMisses} more)` : '';
  return `did you mean: ${misses.slice(0, shownMisses).join('; ')}${more}?`;
}
