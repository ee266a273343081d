/**
 * The course as the grader needs it: each exercise of the manifest with its checks, public and
 * (unless this is a learner's copy) hidden, and the known mistakes the report can name.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Check } from './checking/check.js';
import type { KnownMistake } from './checking/mistake.js';
import type { GradedExercise } from './grading/grade.js';
import { manifest, type ExerciseInfo } from './manifest.js';

const here = path.dirname(fileURLToPath(import.meta.url));
/** `.ts` when run from the sources (tests), `.js` from the build. */
const extension = path.extname(fileURLToPath(import.meta.url));

async function importChecks(slug: string, visibility: 'public' | 'hidden'): Promise<Check[] | null> {
  const file = path.join(here, 'checks', slug, `${visibility}${extension}`);
  // A learner's copy has no hidden checks: that is not an error.
  if (!existsSync(file)) return null;
  const module = (await import(/* @vite-ignore */ pathToFileURL(file).href)) as { default: Check[] };
  return module.default;
}

async function importMistakes(slug: string): Promise<KnownMistake[]> {
  const file = path.join(here, 'checks', slug, `mistakes${extension}`);
  if (!existsSync(file)) return [];
  const module = (await import(/* @vite-ignore */ pathToFileURL(file).href)) as { default: KnownMistake[] };
  return module.default;
}

export async function loadExercise(info: ExerciseInfo): Promise<GradedExercise> {
  const [publicOnes, hiddenOnes, mistakes] = await Promise.all([importChecks(info.slug, 'public'), importChecks(info.slug, 'hidden'), importMistakes(info.slug)]);
  return { info, checks: [...(publicOnes ?? []), ...(hiddenOnes ?? [])], hiddenChecksIncluded: hiddenOnes !== null, mistakes };
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
