/**
 * The course as the grader needs it: each exercise of the manifest with its checks, public and
 * (unless this is a learner's copy) hidden.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Check } from './checking/check.js';
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

export async function loadExercise(info: ExerciseInfo): Promise<GradedExercise> {
  const [publicOnes, hiddenOnes] = await Promise.all([importChecks(info.slug, 'public'), importChecks(info.slug, 'hidden')]);
  return { info, checks: [...(publicOnes ?? []), ...(hiddenOnes ?? [])], hiddenChecksIncluded: hiddenOnes !== null };
}

/** The exercises with these slugs (all of them when none is given), in manifest order. */
export function loadCourse(slugs: readonly string[] = []): Promise<GradedExercise[]> {
  const chosen = slugs.length === 0 ? manifest.exercises : manifest.exercises.filter((info) => slugs.includes(info.slug));
  return Promise.all(chosen.map(loadExercise));
}
