/**
 * The learner's progress: the last verdict of each exercise and how many of its hints were shown.
 * This is the one module that reads and writes `.kit-state/progress.json`; `npm run list`, `npm
 * run hint`, `npm run watch` and `npm run grade` all go through it.
 *
 * The file is small, versioned and written atomically (a new file renamed over the old one), so a
 * crash mid-write never leaves half a file. A file that is missing, damaged or of another version
 * counts as no progress at all: losing a record of scores must never stop anyone from grading.
 * Every change re-reads the file first, so two commands running side by side (`npm run hint` while
 * `npm run watch` runs) keep each other's changes.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, realpathSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { manifest, type ExerciseInfo } from '../engine/course/manifest.js';
import { kitRoot, stateDir } from '../engine/paths.js';
import { exerciseStatuses, type ExerciseResult, type ExerciseStatus } from '../engine/results.js';

/** Bumped when the shape of the file changes; a file of another version is read as empty. */
export const progressVersion = 1;

/**
 * Where progress is kept. `KIT_PROGRESS_FILE` moves it, for the kit's own tests and for anyone who
 * keeps several learners' progress apart on one copy of the kit.
 */
export function progressFile(env: NodeJS.ProcessEnv = process.env): string {
  return env.KIT_PROGRESS_FILE || path.join(stateDir, 'progress.json');
}

/** The last grading of one exercise. */
export interface ExerciseGrade {
  status: ExerciseStatus;
  score: number;
  maxScore: number;
  /** When it was graded, as an ISO date. */
  gradedAt: string;
}

export interface Progress {
  version: typeof progressVersion;
  /** The last grading of each exercise, by slug; an exercise never graded is absent. */
  grades: Record<string, ExerciseGrade>;
  /** How many of each exercise's hints were shown, by slug. */
  hintsShown: Record<string, number>;
}

export function emptyProgress(): Progress {
  return { version: progressVersion, grades: {}, hintsShown: {} };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

function parseGrade(value: unknown): ExerciseGrade | null {
  if (!isRecord(value)) return null;
  const { status, score, maxScore, gradedAt } = value;
  if (!exerciseStatuses.includes(status as ExerciseStatus) || !isCount(score) || !isCount(maxScore) || typeof gradedAt !== 'string') {
    return null;
  }
  return { status: status as ExerciseStatus, score, maxScore, gradedAt };
}

/** The progress in `text`; whatever does not have the expected shape is left out. */
export function parseProgress(text: string): Progress {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return emptyProgress();
  }
  if (!isRecord(parsed) || parsed.version !== progressVersion) return emptyProgress();
  const progress = emptyProgress();
  for (const [slug, value] of Object.entries(isRecord(parsed.grades) ? parsed.grades : {})) {
    const grade = parseGrade(value);
    if (grade) progress.grades[slug] = grade;
  }
  for (const [slug, value] of Object.entries(isRecord(parsed.hintsShown) ? parsed.hintsShown : {})) {
    if (isCount(value)) progress.hintsShown[slug] = value;
  }
  return progress;
}

/** The stored progress; empty when the file is missing or unreadable. */
export function readProgress(file = progressFile()): Progress {
  try {
    return parseProgress(readFileSync(file, 'utf8'));
  } catch {
    return emptyProgress();
  }
}

/** Writes the whole file at once; false when it could not (a read-only copy of the kit). */
function writeProgress(progress: Progress, file: string): boolean {
  const staging = `${file}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(staging, `${JSON.stringify(progress, null, 2)}\n`);
    renameSync(staging, file);
    return true;
  } catch {
    rmSync(staging, { force: true });
    return false;
  }
}

/** Reads the file afresh, applies `change` and writes the result; returns the new progress. */
export function updateProgress(change: (progress: Progress) => void, file = progressFile()): Progress {
  const progress = readProgress(file);
  change(progress);
  writeProgress(progress, file);
  return progress;
}

function realPath(folder: string): string {
  try {
    return realpathSync(folder);
  } catch {
    return path.resolve(folder);
  }
}

/** True for the kit's own `exercises/` folder, the only one whose gradings are the learner's progress. */
export function isKitExercises(target: string): boolean {
  return realPath(target) === realPath(path.join(kitRoot, 'exercises'));
}

/**
 * Records these gradings when `target` is the kit's own `exercises/` folder (grading solutions or
 * a copy elsewhere says nothing of the learner's progress). Returns whether anything was recorded.
 */
export function recordGrading(target: string, results: readonly ExerciseResult[], file = progressFile()): boolean {
  if (results.length === 0 || !isKitExercises(target)) return false;
  const gradedAt = new Date().toISOString();
  updateProgress((progress) => {
    for (const result of results) {
      progress.grades[result.slug] = { status: result.status, score: result.score, maxScore: result.maxScore, gradedAt };
    }
  }, file);
  return true;
}

/** The first exercise, in manifest order, whose last grading did not pass; undefined when all passed. */
export function nextExercise(progress: Progress): ExerciseInfo | undefined {
  return manifest.exercises.find((exercise) => progress.grades[exercise.slug]?.status !== 'passed');
}

/** Forgets the last grading of an exercise of the kit's `exercises/` folder (its view was reset). */
export function forgetGrading(target: string, slug: string, file = progressFile()): void {
  if (!isKitExercises(target)) return;
  updateProgress((progress) => {
    delete progress.grades[slug];
  }, file);
}
