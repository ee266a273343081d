/**
 * A class on disk: one folder per learner under the submissions folder, the learner id being the
 * folder's name. A learner's folder is either a folder of exercise folders or a whole copy of the
 * kit (an `exercises/` folder inside). A folder that cannot be graded is still a learner, with a
 * verdict saying why, so that no learner goes missing from the gradebook.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { GradedExercise, Limits } from '../grading/grade.js';
import { manifest } from '../manifest.js';

/** Whether a learner's folder could be graded, and if not, why. */
export type SubmissionVerdict = 'graded' | 'empty' | 'no-exercises' | 'unreadable';

export interface Submission {
  /** The learner id: the folder's name. */
  id: string;
  /** The learner's folder, as found under the submissions folder. */
  folder: string;
  /** The folder holding `<slug>/view.ts`: `folder/exercises` for a copy of the kit, else `folder`. */
  exercisesDir: string;
  verdict: SubmissionVerdict;
  /** Why it cannot be graded, in words; null when it can. */
  reason: string | null;
}

/** Which slice of a class one machine grades: learners sorted by id, every n-th from the k-th. */
export interface Shard {
  index: number;
  count: number;
}

function isFolder(file: string): boolean {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false;
  }
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/** Names that are not learners' work: hidden files and folders (.git, .DS_Store). */
function visible(name: string): boolean {
  return !name.startsWith('.');
}

function describe(id: string, folder: string): Submission {
  const unreadable = (error: unknown): Submission => ({
    id,
    folder,
    exercisesDir: folder,
    verdict: 'unreadable',
    reason: `the folder cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
  });
  let entries: string[];
  try {
    entries = readdirSync(folder).filter(visible);
  } catch (error) {
    return unreadable(error);
  }
  if (entries.length === 0) return { id, folder, exercisesDir: folder, verdict: 'empty', reason: 'the folder is empty' };
  const kitCopy = path.join(folder, 'exercises');
  const exercisesDir = isFolder(kitCopy) ? kitCopy : folder;
  const found = manifest.exercises.some((info) => isFile(path.join(exercisesDir, info.slug, 'view.ts')));
  if (!found) {
    return { id, folder, exercisesDir, verdict: 'no-exercises', reason: 'no exercise folder with a view.ts' };
  }
  return { id, folder, exercisesDir, verdict: 'graded', reason: null };
}

/** Every learner under `dir`, sorted by id (code-unit order, the same on every machine). */
export function findSubmissions(dir: string): Submission[] {
  const learners: Submission[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!visible(entry.name)) continue;
    const folder = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      learners.push(describe(entry.name, folder));
      continue;
    }
    if (!entry.isSymbolicLink()) continue;
    // A link to a folder is a learner; a link to nothing is a learner whose work cannot be read.
    try {
      if (statSync(folder).isDirectory()) learners.push(describe(entry.name, folder));
    } catch (error) {
      learners.push({
        id: entry.name,
        folder,
        exercisesDir: folder,
        verdict: 'unreadable',
        reason: `the folder cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
      });
    }
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
}

/**
 * A content fingerprint of what grading this learner reads (each graded `view.ts`) and of how it
 * is graded (the checks, their points, the limits). Null for a folder that could not be read,
 * which is always tried again.
 */
export function fingerprint(submission: Submission, settings: GradingSettings): string | null {
  if (submission.verdict === 'unreadable') return null;
  const hash = createHash('sha256');
  hash.update(JSON.stringify({
    verdict: submission.verdict,
    limits: settings.limits,
    typecheck: settings.typecheck,
    course: settings.exercises.map((exercise) => [exercise.info.slug, exercise.checks.map((check) => `${check.id}:${check.points}:${check.visibility}`)]),
  }));
  for (const exercise of settings.exercises) {
    const file = path.join(submission.exercisesDir, exercise.info.slug, 'view.ts');
    let content: Buffer | null;
    try {
      content = readFileSync(file);
    } catch {
      content = null;
    }
    hash.update(`\0${exercise.info.slug}\0`);
    hash.update(content === null ? 'missing' : createHash('sha256').update(content).digest('hex'));
  }
  return `sha256:${hash.digest('hex')}`;
}
