/**
 * Two copies in one hand-in (`session-kit/` with the stubs beside `session-kit (1)/` finished, a
 * folder beside the zip of it): the copy with the most exercises changed from the stub is graded,
 * as a copy holding every stub has all its view.ts files and no work. Ties go to the copy with
 * more view.ts files, then to the first by name: modification times are not weighed, since
 * copying and zipping reset them and a reason must be the same on every machine.
 *
 * The copies are found where a hand-in may hold its work: the folder itself, its `exercises/`, or
 * below one or two wrapping folders, as zipping a folder instead of its contents leaves it.
 */
import { lstatSync, readdirSync, realpathSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import { exerciseFolders, startedCount } from './exercise-folders.js';

/** One place a hand-in's exercises were found. */
export interface Copy {
  /** Where it is, as the learner names it (`session-kit (1)`, `work.zip/session-kit-main`); '' for the hand-in itself. */
  label: string;
  /** The learner's root this copy lies in: the hand-in's folder, or the folder a zip was unpacked into. */
  root: string;
  /** The folder holding the exercise folders. */
  exercisesDir: string;
  /** Each exercise with a view.ts: the folder it is in. */
  folders: ReadonlyMap<string, string>;
  /** How many of those views are changed from the stub. */
  started: number;
}

/** Why a hand-in's folder cannot be read as a copy of the work. */
export interface Refusal {
  folder: string;
  handIn: 'unreadable' | 'link-outside';
  reason: string;
}

/** Strictly below `parent`, both being real paths (links resolved). */
function isInside(child: string, parent: string): boolean {
  const relative = path.relative(parent, child);
  return relative !== '' && relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? String(error);
}

/**
 * Where a learner's exercise folders are: `exercises/` when there is one inside the learner's own
 * folder (`learnerReal`), else the folder itself; a refusal when `exercises/` leads elsewhere.
 */
function exercisesDirOf(folder: string, learnerReal: string): string | Refusal {
  const kitCopy = path.join(folder, 'exercises');
  let own: Stats;
  try {
    own = lstatSync(kitCopy);
  } catch {
    return folder;
  }
  if (own.isDirectory()) return kitCopy;
  if (!own.isSymbolicLink()) return folder;
  let real: string;
  try {
    real = realpathSync(kitCopy);
  } catch (error) {
    return { folder, handIn: 'unreadable', reason: `exercises/ is a link that leads nowhere (${errorCode(error)})` };
  }
  if (!isInside(real, learnerReal)) {
    return { folder, handIn: 'link-outside', reason: "exercises/ is a link to a folder outside the learner's folder: grading reads only the learner's own files" };
  }
  return statSync(real).isDirectory() ? kitCopy : folder;
}

/** How deep below a learner's folder the work may be wrapped, and how many folders are looked into on the way. */
export const wrappingDepth = 2;
const wrappersLooked = 64;

/** Folders of the learner's own (no links, no hidden ones, no installs) one level below `folder`, by name. */
function wrappers(folder: string): string[] {
  try {
    return readdirSync(folder, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.') && entry.name !== 'node_modules')
      .map((entry) => entry.name)
      .sort()
      .slice(0, wrappersLooked);
  } catch {
    return [];
  }
}

/** The copies of the work in a hand-in, or why it cannot be read. */
export interface Found {
  copies: Copy[];
  refusal: Refusal | null;
  /** Where the exercise folders were looked for first: `exercises/` of a copy of the kit, else the folder. */
  exercisesDir: string;
}

function copyAt(owner: string, prefix: string, wrappedIn: string, exercisesDir: string): Copy | null {
  const folders = exerciseFolders(exercisesDir);
  if (folders.size === 0) return null;
  const label = [prefix, wrappedIn].filter(Boolean).join('/');
  return { label, root: owner, exercisesDir, folders, started: startedCount(exercisesDir, folders) };
}

/**
 * The copies at `root`: the folder itself (or its `exercises/`) when it holds any exercise, else
 * every wrapping folder that does at the shallowest depth where any does. Links are not followed
 * on the way down; the `exercises/` found is judged as a learner's own (`exercisesDirOf`).
 */
export function copiesIn(root: string, rootReal: string, prefix: string, owner = root): Found {
  const top = exercisesDirOf(root, rootReal);
  if (typeof top !== 'string') return { copies: [], refusal: top, exercisesDir: root };
  const own = copyAt(owner, prefix, '', top);
  if (own) return { copies: [own], refusal: null, exercisesDir: top };
  // A copy of the kit with nothing in exercises/ is not a wrapper: below it lie the kit's own views (solutions/, the stubs).
  if (top !== root) return { copies: [], refusal: null, exercisesDir: top };
  let level = [''];
  for (let depth = 1; depth <= wrappingDepth; depth += 1) {
    level = level.flatMap((wrapping) => wrappers(path.join(root, wrapping)).map((name) => path.join(wrapping, name))).slice(0, wrappersLooked);
    const copies: Copy[] = [];
    let refusal: Refusal | null = null;
    const kitCopies = new Set<string>();
    for (const wrappedIn of level) {
      const exercisesDir = exercisesDirOf(path.join(root, wrappedIn), rootReal);
      if (typeof exercisesDir !== 'string') {
        refusal ??= exercisesDir;
        continue;
      }
      if (exercisesDir !== path.join(root, wrappedIn)) kitCopies.add(wrappedIn);
      const copy = copyAt(owner, prefix, wrappedIn, exercisesDir);
      if (copy) copies.push(copy);
    }
    if (copies.length > 0 || refusal) return { copies, refusal, exercisesDir: top };
    level = level.filter((wrapping) => !kitCopies.has(wrapping));
  }
  return { copies: [], refusal: null, exercisesDir: top };
}

function shown(copy: Copy): string {
  return copy.label === '' ? 'the folder itself' : `${copy.label}/`;
}

function exercisesText(count: number): string {
  return `${count} ${count === 1 ? 'exercise' : 'exercises'}`;
}

/** The copy to grade, first of `copies` (in the order found: the hand-in, then its zips) when they tie. */
export function bestCopy(copies: readonly Copy[]): Copy {
  return copies.reduce((best, copy) =>
    copy.started > best.started || (copy.started === best.started && copy.folders.size > best.folders.size) ? copy : best,
  );
}

/** Why `chosen` was graded over the others, in one line; null when it was the only copy. */
export function choiceNote(chosen: Copy, copies: readonly Copy[]): string | null {
  const others = copies.filter((copy) => copy !== chosen);
  if (others.length === 0) return null;
  const elsewhere = others.map((copy) => `${copy.started} in ${shown(copy)}`).join(', ');
  const tie = others.some((copy) => copy.started === chosen.started);
  const why = tie ? (others.some((copy) => copy.started === chosen.started && copy.folders.size === chosen.folders.size) ? ' (a tie: the first found is graded)' : ' (a tie: the one with more view.ts files is graded)') : '';
  return `graded ${shown(chosen)}: ${exercisesText(chosen.started)} started there, ${elsewhere}${why}; hand in one copy only`;
}
