/**
 * The exercise folders of a hand-in, and how much work is in them. A folder named like a slug but
 * for case, spaces, hyphens or underscores (`Favorite-Color/`, `favorite color/`) is graded under
 * that slug: the learner's intent is plain, and a name folds to one slug only, so no file is ever
 * graded as another exercise. A folder whose name folds to a slug is taken only when it is the
 * one such folder and the slug's own folder holds no view.ts. Other near misses (`view.js`, a flat
 * `<slug>.ts`) are named, never graded (`near-misses.ts`): a file under another name may be
 * another thing (a compiled copy, an old draft).
 */
import { lstatSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { manifest } from '../../engine/course/manifest.js';
import { readStub } from '../../engine/course/stubs.js';
import { readView } from '../../engine/grading/read-view.js';

/** A name with case, spaces, hyphens and underscores set aside: `Favorite_Color ` folds as `favorite-color`. */
export function folded(name: string): string {
  return name.normalize('NFC').toLowerCase().replace(/[\s_-]+/g, '');
}

/** The slug a name folds to, when exactly one does. */
export function slugFolding(name: string): string | null {
  const matches = manifest.exercises.filter((info) => folded(info.slug) === folded(name));
  return matches.length === 1 ? matches[0]!.slug : null;
}

/** Whether anything at all is at `file` (a FIFO or a link out counts: `readView` says why it is refused). */
export function exists(file: string): boolean {
  try {
    lstatSync(file);
    return true;
  } catch {
    return false;
  }
}

/** The names of the folders (not links) directly in `dir`; none when it cannot be read. */
function foldersIn(dir: string): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
  } catch {
    return [];
  }
}

/** For each exercise with a view.ts under `dir`: the folder it is in (its slug, or the one folder whose name folds to it). */
export function exerciseFolders(dir: string): Map<string, string> {
  const found = new Map<string, string>();
  let near: string[] | null = null;
  for (const { slug } of manifest.exercises) {
    if (exists(path.join(dir, slug, 'view.ts'))) {
      found.set(slug, slug);
      continue;
    }
    near ??= foldersIn(dir).filter((name) => slugFolding(name) !== null);
    const alike = near.filter((name) => name !== slug && slugFolding(name) === slug && exists(path.join(dir, name, 'view.ts')));
    if (alike.length === 1) found.set(slug, alike[0]!);
  }
  return found;
}

/** Text as written, line endings and the blank lines around it aside. */
function normalized(text: string): string {
  return text.replace(/\r\n?/g, '\n').trim();
}

const stubs = new Map<string, string | null>();

/** Whether exercise `slug`'s view at `file` is changed from the stub (a view that cannot be read is not work). */
export function changedFromStub(slug: string, file: string): boolean {
  const read = readView(file);
  if (!read.ok) return false;
  if (!stubs.has(slug)) {
    const stub = readStub(slug);
    stubs.set(slug, stub === null ? null : normalized(stub));
  }
  const stub = stubs.get(slug);
  return stub === null || normalized(read.source) !== stub;
}

/** How many of `folders` (slug → folder under `dir`) hold a view changed from its stub. */
export function startedCount(dir: string, folders: ReadonlyMap<string, string>): number {
  return [...folders].filter(([slug, folder]) => changedFromStub(slug, path.join(dir, folder, 'view.ts'))).length;
}
