/**
 * Every exercise keeps data in the session, so every exercise proves that its answers come from
 * the session store: a public check rewrites the grader's copy of the stored session and the next
 * answers must follow. The known mistake `copy-kept-beside-session` of each exercise (the data in
 * a map of the module's own, keyed by session ID, with a copy in the session that nothing reads
 * back: every browser request finds the two in step) loses that check alone, and is named, in a
 * learner's copy too.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCourse, publicChecksOf } from '../../grader/engine/course/course.js';
import { defaultLimits, gradeJobs, type GradedExercise } from '../../grader/engine/grading/grade.js';
import { manifest } from '../../grader/engine/course/manifest.js';
import type { ExerciseResult } from '../../grader/engine/results.js';
import { kitRoot } from '../run-kit.js';

const mistake = 'copy-kept-beside-session';
const copyOf = (slug: string): string => path.join(kitRoot, 'solutions', slug, 'mistakes', `${mistake}.ts`);

const course = new Map<string, GradedExercise>();
const graded = new Map<string, ExerciseResult>();

beforeAll(async () => {
  for (const exercise of await loadCourse()) course.set(exercise.info.slug, exercise);
  const exercises = [...course.values()];
  const results = await gradeJobs(
    exercises.map((exercise) => ({ exercise, file: copyOf(exercise.info.slug) })),
    { limits: defaultLimits, typecheck: false },
  );
  exercises.forEach((exercise, index) => graded.set(exercise.info.slug, results[index] as ExerciseResult));
}, 180_000);

describe.each(manifest.exercises.map((exercise) => exercise.slug))('%s, whose data lives in the session', (slug) => {
  it(`lists the known mistake ${mistake}, caught by one public check`, () => {
    const exercise = course.get(slug) as GradedExercise;
    expect(existsSync(copyOf(slug))).toBe(true);
    const entry = (exercise.mistakes ?? []).find((known) => known.id === mistake);
    expect(entry).toBeDefined();
    expect(entry?.onlyHidden).toBeUndefined();
    expect(entry?.fails).toHaveLength(1);
    expect(publicChecksOf(exercise).map((check) => check.id)).toContain(entry?.fails[0]);
  });

  it('gives the copy kept beside the session less than full marks, for the answer that did not follow the store, and names it', () => {
    const exercise = course.get(slug) as GradedExercise;
    const result = graded.get(slug) as ExerciseResult;
    expect([result.status, result.message]).toEqual(['failed', null]);
    expect(result.score).toBeLessThan(result.maxScore);
    const failed = result.checks.filter((check) => !check.passed);
    const mistakes = exercise.mistakes ?? [];
    expect(failed.map((check) => check.id)).toEqual(mistakes.find((known) => known.id === mistake)?.fails);
    expect(failed[0]?.message).toMatch(/^the grader changed .+ in the visitor's stored session to .+, then (GET|POST) \S+ answered /);
    // Named by its evidence, which the one public check it fails saw: a learner's copy names it too.
    expect(failed.every((check) => check.visibility === 'public')).toBe(true);
    expect(result.mistakes.map((match) => [match.id, match.certain])).toEqual([[mistake, true]]);
  });
});
