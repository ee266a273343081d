/**
 * The course as the grader needs it: each exercise of the manifest with its checks, public and
 * (unless this is a learner's copy) hidden, and the known mistakes the report can name.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Check } from '../check-language/check.js';
import type { KnownMistake } from '../check-language/mistake.js';
import type { GradedExercise } from '../grading/grade.js';
import { manifest, type ExerciseInfo } from './manifest.js';
import { readQuiz } from './quiz.js';

/**
 * The root the course's code is loaded from: the kit's own folder when run from the sources
 * (tests), the build's folder (`.kit-build/builds/<build>/`, which holds `exercises/` and
 * `solutions/` beside `grader/`) when run from the build.
 */
const codeRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
/** `.ts` when run from the sources (tests), `.js` from the build. */
const extension = path.extname(fileURLToPath(import.meta.url));

/** The default export of `<folder>/<slug>/<name>`, or null when the file is not there. */
async function importCourseFile<T>(folder: 'exercises' | 'solutions', slug: string, name: 'checks' | 'mistakes'): Promise<T | null> {
  const file = path.join(codeRoot, folder, slug, `${name}${extension}`);
  if (!existsSync(file)) return null;
  const module = (await import(/* @vite-ignore */ pathToFileURL(file).href)) as { default: T };
  return module.default;
}

/**
 * The exercise's checks: public ones in `exercises/<slug>/checks.ts`, hidden ones in
 * `solutions/<slug>/checks.ts` (a learner's copy has none: that is not an error). Its known
 * mistakes are `solutions/<slug>/mistakes.ts`, or in a learner's copy the public part of them,
 * which the release writes to `exercises/<slug>/mistakes.ts`.
 */
export async function loadExercise(info: ExerciseInfo): Promise<GradedExercise> {
  const [publicOnes, hiddenOnes, instructorMistakes, learnerMistakes] = await Promise.all([
    importCourseFile<Check[]>('exercises', info.slug, 'checks'),
    importCourseFile<Check[]>('solutions', info.slug, 'checks'),
    importCourseFile<KnownMistake[]>('solutions', info.slug, 'mistakes'),
    importCourseFile<KnownMistake[]>('exercises', info.slug, 'mistakes'),
  ]);
  const mistakes = instructorMistakes ?? learnerMistakes ?? [];
  return { info, checks: [...(publicOnes ?? []), ...(hiddenOnes ?? [])], hiddenChecksIncluded: hiddenOnes !== null, mistakes, quiz: readQuiz(info.slug) };
}

/** The exercise's public checks: those a learner's copy has. */
export function publicChecksOf(exercise: GradedExercise): Check[] {
  return exercise.checks.filter((check) => check.visibility === 'public');
}

/**
 * The exercise with every check public, so that each failure shows its message: the instructor's
 * view, for grading the kit's own code (solutions, variants, a copy's stubs).
 */
export function withEveryCheckShown(exercise: GradedExercise): GradedExercise {
  return { ...exercise, checks: exercise.checks.map((check) => ({ ...check, visibility: 'public' })) };
}

/** The exercises with these slugs (all of them when none is given), in manifest order. */
export function loadCourse(slugs: readonly string[] = []): Promise<GradedExercise[]> {
  const chosen = slugs.length === 0 ? manifest.exercises : manifest.exercises.filter((info) => slugs.includes(info.slug));
  return Promise.all(chosen.map(loadExercise));
}
