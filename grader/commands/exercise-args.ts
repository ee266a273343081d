/**
 * What the learner's commands (grade, watch, hint, reset, serve) share on their command lines: naming an
 * exercise, the folder of exercise folders (`--target`), and the grading limits, each with the
 * same one-line errors as `npm run grade`.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { defaultLimits, type Limits } from '../engine/grading/grade.js';
import { findExercise, manifest, type ExerciseInfo } from '../engine/course/manifest.js';
import { kitRoot } from '../engine/paths.js';
import { isolationLevels, type IsolationLevel } from '../engine/sandbox/isolation.js';
import { demandIsolation, isolationInForce } from '../engine/sandbox/sandbox.js';
import { seconds, UsageError, userPath, wholeNumber } from './args.js';

/** The exercise named on the command line; a usage error lists the slugs when there is none. */
export function exerciseNamed(slug: string): ExerciseInfo {
  const exercise = findExercise(slug);
  if (!exercise) throw new UsageError(`no exercise "${slug}": the exercises are ${manifest.exercises.map((e) => e.slug).join(', ')}`);
  return exercise;
}

/** At most one slug: a second one is a mistake worth saying, not something to ignore. */
export function oneSlug(positionals: string[], usage: string): string | undefined {
  if (positionals.length > 1) throw new UsageError(`one exercise at a time (got ${positionals.join(', ')}): ${usage}`);
  return positionals[0];
}

/** The folder holding `<slug>/view.ts`: the kit's `exercises/` unless `--target` says otherwise. */
export function exerciseFolder(target: string | undefined): string {
  const folder = target === undefined ? path.join(kitRoot, 'exercises') : userPath(target);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw new UsageError(`no folder ${folder}: --target takes the folder that holds the exercise folders`);
  }
  return folder;
}

/** The `parseArgs` options behind `limitsFrom`. */
export const limitOptions = {
  'request-timeout': { type: 'string' },
  'exercise-timeout': { type: 'string' },
  'heap-mb': { type: 'string' },
  isolation: { type: 'string' },
} as const;

/** The level `--isolation` demands, or null for the best this machine has. */
export function isolationFrom(value: string | undefined): IsolationLevel | null {
  if (value === undefined) return null;
  if (!(isolationLevels as readonly string[]).includes(value)) {
    throw new UsageError(`--isolation takes ${isolationLevels.join(', ')} (got "${value}")`);
  }
  return value as IsolationLevel;
}

/** The isolation level hosts will run at; a usage error, in one line, when `--isolation` asks for one this machine lacks. */
export async function isolationAvailable(): Promise<IsolationLevel> {
  try {
    return await isolationInForce();
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

/**
 * The grading limits from the flags of `limitOptions`, defaults as `npm run grade` has them.
 * `--isolation` applies to every host the command starts from here on.
 */
export function limitsFrom(values: { 'request-timeout'?: string; 'exercise-timeout'?: string; 'heap-mb'?: string; isolation?: string }): Limits {
  demandIsolation(isolationFrom(values.isolation));
  return {
    requestTimeoutMs: seconds('request-timeout', values['request-timeout'], defaultLimits.requestTimeoutMs),
    exerciseTimeoutMs: seconds('exercise-timeout', values['exercise-timeout'], defaultLimits.exerciseTimeoutMs),
    heapMb: wholeNumber('heap-mb', values['heap-mb'], defaultLimits.heapMb, 16, 8192),
  };
}
