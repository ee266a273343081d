/**
 * A class on disk: one folder per learner under the submissions folder, the learner id being the
 * folder's name. A learner's folder is either a folder of exercise folders or a whole copy of the
 * kit (an `exercises/` folder inside), possibly wrapped in one or two folders more, as zipping a
 * folder instead of its contents leaves it (`george/session-kit-main/exercises/…`). A folder that
 * cannot be graded is still a learner, its hand-in saying why, so that no learner goes missing
 * from the gradebook.
 *
 * The folders are a stranger's: a learner's folder (or its `exercises/`) may be a link into the
 * kit's solutions, and any entry may be a FIFO or a device. Finding learners only lists folders
 * and looks at entries with `lstat`; no file is opened here except through `readView`.
 */
import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, realpathSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import type { GradedExercise, Limits } from '../../engine/grading/grade.js';
import { readView } from '../../engine/grading/read-view.js';
import { manifest } from '../../engine/course/manifest.js';

/** The hand-in: whether a learner's folder could be graded, and if not, why. */
export type HandInState = 'graded' | 'empty' | 'no-exercises' | 'unreadable' | 'link-outside';

export interface Submission {
  /** The learner id: the folder's name. */
  id: string;
  /** The learner's folder, as found under the submissions folder. */
  folder: string;
  /** The folder holding `<slug>/view.ts`: `folder/exercises` for a copy of the kit, else `folder`, or either inside wrapping folders. */
  exercisesDir: string;
  /** The wrapping folders the work was found in (`session-kit-main`), relative to `folder`; null when it was where expected. */
  wrappedIn: string | null;
  handIn: HandInState;
  /** Why it cannot be graded, in words; null when it can. */
  reason: string | null;
}

/** Which slice of a class one machine grades: learners sorted by id, every n-th from the k-th. */
export interface Shard {
  index: number;
  count: number;
}

/** Strictly below `parent`, both being real paths (links resolved). */
function isInside(child: string, parent: string): boolean {
  const relative = path.relative(parent, child);
  return relative !== '' && relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? String(error);
}

/** Whether anything at all is at `file` (a FIFO or a link out counts: `readView` says why it is refused). */
function exists(file: string): boolean {
  try {
    lstatSync(file);
    return true;
  } catch {
    return false;
  }
}

/** Names that are not learners' work: hidden files and folders (.git, .DS_Store). */
function visible(name: string): boolean {
  return !name.startsWith('.');
}

function notGradable(id: string, folder: string, handIn: Exclude<HandInState, 'graded'>, reason: string): Submission {
  return { id, folder, exercisesDir: folder, wrappedIn: null, handIn, reason };
}

function unreadable(id: string, folder: string, error: unknown): Submission {
  return notGradable(id, folder, 'unreadable', `the folder cannot be read (${errorCode(error)})`);
}

/**
 * Where a learner's exercise folders are: `exercises/` when there is one inside the learner's own
 * folder (`learnerReal`), else the folder itself; a Submission when `exercises/` leads elsewhere.
 */
function exercisesDirOf(id: string, folder: string, learnerReal: string): string | Submission {
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
    return notGradable(id, folder, 'unreadable', `exercises/ is a link that leads nowhere (${errorCode(error)})`);
  }
  if (!isInside(real, learnerReal)) {
    return notGradable(id, folder, 'link-outside', "exercises/ is a link to a folder outside the learner's folder: grading reads only the learner's own files");
  }
  return statSync(real).isDirectory() ? kitCopy : folder;
}

function exerciseCount(exercisesDir: string): number {
  return manifest.exercises.filter((info) => exists(path.join(exercisesDir, info.slug, 'view.ts'))).length;
}

/** How deep below a learner's folder the work may be wrapped, and how many folders are looked into on the way. */
const wrappingDepth = 2;
const wrappersLooked = 64;

/** Folders of the learner's own (no links, no hidden ones, no installs) one level below `folder`, by name. */
function wrappers(folder: string): string[] {
  try {
    return readdirSync(folder, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && visible(entry.name) && entry.name !== 'node_modules')
      .map((entry) => entry.name)
      .sort()
      .slice(0, wrappersLooked);
  } catch {
    return [];
  }
}

/**
 * The exercises below wrapping folders: the shallowest folder that holds any, the one that holds
 * most when several at one depth do (ties by name). Links are not followed on the way down;
 * the `exercises/` found is judged as a learner's own (`exercisesDirOf`).
 */
function wrappedExercises(id: string, folder: string, learnerReal: string): Submission | null {
  let level = [''];
  for (let depth = 1; depth <= wrappingDepth; depth += 1) {
    level = level.flatMap((wrapping) => wrappers(path.join(folder, wrapping)).map((name) => path.join(wrapping, name))).slice(0, wrappersLooked);
    let best: { wrappedIn: string; exercisesDir: string; count: number } | Submission | null = null;
    const copies = new Set<string>();
    for (const wrappedIn of level) {
      const exercisesDir = exercisesDirOf(id, path.join(folder, wrappedIn), learnerReal);
      if (typeof exercisesDir !== 'string') {
        best ??= exercisesDir;
        continue;
      }
      if (exercisesDir !== path.join(folder, wrappedIn)) copies.add(wrappedIn);
      const count = exerciseCount(exercisesDir);
      if (count > 0 && (best === null || !('count' in best) || count > best.count)) best = { wrappedIn, exercisesDir, count };
    }
    if (best && 'count' in best) return { id, folder, exercisesDir: best.exercisesDir, wrappedIn: best.wrappedIn, handIn: 'graded', reason: null };
    if (best) return best;
    // A copy of the kit is where the work is, found or not: not a wrapper. Below it lie the kit's own views (solutions/, the stubs).
    level = level.filter((wrapping) => !copies.has(wrapping));
  }
  return null;
}

/** A learner's folder (`learnerReal` its real path, already known to be inside the class). */
function describe(id: string, folder: string, learnerReal: string): Submission {
  let entries: string[];
  try {
    entries = readdirSync(folder).filter(visible);
  } catch (error) {
    return unreadable(id, folder, error);
  }
  if (entries.length === 0) return notGradable(id, folder, 'empty', 'the folder is empty');
  const exercisesDir = exercisesDirOf(id, folder, learnerReal);
  if (typeof exercisesDir !== 'string') return exercisesDir;
  if (exerciseCount(exercisesDir) > 0) return { id, folder, exercisesDir, wrappedIn: null, handIn: 'graded', reason: null };
  // A copy of the kit with nothing in exercises/ is not a wrapper either (see wrappedExercises).
  const wrapped = exercisesDir === folder ? wrappedExercises(id, folder, learnerReal) : null;
  if (wrapped) return wrapped;
  return {
    id,
    folder,
    exercisesDir,
    wrappedIn: null,
    handIn: 'no-exercises',
    reason: `no exercise folder with a view.ts (looked for <slug>/view.ts and exercises/<slug>/view.ts, also ${wrappingDepth} folders down)`,
  };
}

/**
 * The learner an entry of the class folder is: a folder, or a link to a folder inside the class
 * folder; null for anything else (loose files, FIFOs, links to files), which is not a learner.
 */
function learnerAt(dir: string, classReal: string, name: string, isFolder: boolean, isLink: boolean): Submission | null {
  const folder = path.join(dir, name);
  if (!isFolder && !isLink) return null;
  let real: string;
  try {
    real = realpathSync(folder);
  } catch (error) {
    // A name that is not UTF-8 comes back from readdir with U+FFFD in it, a path that leads nowhere.
    if (name.includes('\ufffd') && errorCode(error) === 'ENOENT') {
      return notGradable(name, folder, 'unreadable', "the folder's name is not valid UTF-8: rename the folder to grade it");
    }
    // A link to nothing is a learner whose work cannot be read.
    return unreadable(name, folder, error);
  }
  if (!isInside(real, classReal)) {
    return notGradable(name, folder, 'link-outside', 'the folder is a link out of the submissions folder: only work inside it is graded (copy the folder in instead)');
  }
  try {
    if (!statSync(real).isDirectory()) return null;
  } catch (error) {
    return unreadable(name, folder, error);
  }
  return describe(name, folder, real);
}

/** Every learner under `dir`, sorted by id (code-unit order, the same on every machine). */
export function findSubmissions(dir: string): Submission[] {
  const classReal = realpathSync(dir);
  const learners: Submission[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!visible(entry.name)) continue;
    const learner = learnerAt(dir, classReal, entry.name, entry.isDirectory(), entry.isSymbolicLink());
    if (learner) learners.push(learner);
  }
  return learners.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Parses `k/n` (1 ≤ k ≤ n); null when it is not one. */
export function parseShard(text: string): Shard | null {
  const match = /^(\d+)\/(\d+)$/.exec(text);
  if (!match) return null;
  const index = Number(match[1]);
  const count = Number(match[2]);
  return count >= 1 && index >= 1 && index <= count ? { index, count } : null;
}

/** The learners of one shard: the k-th of every n, in id order, so shards never overlap. */
export function shardOf<T>(sorted: readonly T[], shard: Shard | null): T[] {
  return shard ? sorted.filter((_, position) => position % shard.count === shard.index - 1) : [...sorted];
}

/** What a result depends on besides the learner's files: a change to any of them means regrading. */
export interface GradingSettings {
  exercises: GradedExercise[];
  limits: Limits;
  typecheck: boolean;
  /**
   * The grader's build (`graderBuild()`): results written by another grader may differ in status
   * or shape (a status it did not know, a field it did not write), so they are not kept.
   */
  grader: string;
}

/**
 * A content fingerprint of what grading this learner reads (each graded `view.ts`, read as grading
 * reads it, or why it is refused) and of how it is graded (the grader, the checks, their points,
 * the limits).
 * Null for a folder that could not be read, which is always tried again.
 */
export function fingerprint(submission: Submission, settings: GradingSettings): string | null {
  if (submission.handIn === 'unreadable') return null;
  const hash = createHash('sha256');
  hash.update(JSON.stringify({
    handIn: submission.handIn,
    limits: settings.limits,
    typecheck: settings.typecheck,
    grader: settings.grader,
    course: settings.exercises.map((exercise) => [exercise.info.slug, exercise.checks.map((check) => `${check.id}:${check.points}:${check.visibility}`)]),
  }));
  for (const exercise of settings.exercises) {
    const read = readView(path.join(submission.exercisesDir, exercise.info.slug, 'view.ts'));
    hash.update(`\0${exercise.info.slug}\0`);
    hash.update(read.ok ? createHash('sha256').update(read.source).digest('hex') : read.absent ? 'missing' : read.status);
  }
  return `sha256:${hash.digest('hex')}`;
}
