/**
 * The course as the grader needs it: each exercise of the manifest with its checks, public and
 * (unless this is a learner's copy) hidden.
 */
import type { Check } from './checking/check.js';
import type { GradedExercise } from './grading/grade.js';
import { manifest, type ExerciseInfo } from './manifest.js';

async function importChecks(slug: string, visibility: 'public' | 'hidden'): Promise<Check[] | null> {
  try {
    const module = (await import(`./checks/${slug}/${visibility}.js`)) as { default: Check[] };
    return module.default;
  } catch (error) {
    const code = (error as { code?: string }).code;
    const missing = code === 'ERR_MODULE_NOT_FOUND' && String(error).includes(`${slug}/${visibility}`);
    if (missing) return null;
    throw error;
  }
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
