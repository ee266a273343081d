/**
 * What a learner's copy's README must not show in its sample outputs: a score out of a maximum
 * that is not the copy's (the instructor's kit adds hidden checks' points), a hidden check, a
 * count of exercises the copy does not have, or a sample mark, which names the instructor's files.
 */
import { publicChecksOf } from '../../engine/course/course.js';
import type { GradedExercise } from '../../engine/grading/grade.js';
import { pointsOf } from '../../engine/results.js';

/** The points of each exercise's public checks, by slug: the copy's maxima. */
function publicPoints(course: readonly GradedExercise[]): Map<string, number> {
  return new Map(course.map((exercise) => [exercise.info.slug, pointsOf(publicChecksOf(exercise))]));
}

/** An exercise's score line in a report (`visit-counter · Visit counter  5/7  failed`) or a row of the list (`1  favorite-color  easy  passed  14/14  0/3`). */
const scoreLines = [/^(\S+) · .*? {2}\d+\/(\d+) {2}/, /^ [→ ] ?\d+ {2}(\S+) +(?:easy|medium|hard) +.*? (?:\d+|-)\/(\d+) +\d+\/\d+$/];

/** The lines of `readme` inside ``` fences, with their line numbers. */
function fencedLines(readme: string): { line: string; number: number; block: number }[] {
  const lines: { line: string; number: number; block: number }[] = [];
  let block = -1;
  let inFence = false;
  readme.split('\n').forEach((line, index) => {
    if (line.startsWith('```')) {
      inFence = !inFence;
      if (inFence) block++;
    } else if (inFence) lines.push({ line, number: index + 1, block });
  });
  return lines;
}

/** One line per problem of the copy's README (`README.md:<line>: …`); none when its samples are the copy's. */
export function readmeProblems(readme: string, course: readonly GradedExercise[]): string[] {
  const problems: string[] = [];
  const maxima = publicPoints(course);
  readme.split('\n').forEach((line, index) => {
    if (line.includes('<!-- sample:')) problems.push(`README.md:${index + 1}: a sample mark, which names files of the instructor's kit`);
  });
  const fenced = fencedLines(readme);
  /** The summed maxima of the exercises each block shows, for its `Total:` line. */
  const blockMaxima = new Map<number, number>();
  for (const { line, number, block } of fenced) {
    for (const pattern of scoreLines) {
      const [, slug = '', shown = ''] = pattern.exec(line) ?? [];
      const max = maxima.get(slug);
      if (max === undefined) continue;
      if (Number(shown) !== max) problems.push(`README.md:${number}: "${line.trim()}" shows a maximum of ${shown} for ${slug}, where this copy's checks give ${max}`);
      blockMaxima.set(block, (blockMaxima.get(block) ?? 0) + max);
    }
    if (/ \(hidden\)$/.test(line)) problems.push(`README.md:${number}: "${line.trim()}" shows a hidden check, which this copy does not run`);
    // The list's last line; a grading's total counts only the exercises it graded.
    const exercises = /^\d+ of (\d+) exercises passed\./.exec(line)?.[1];
    if (exercises !== undefined && Number(exercises) !== course.length) problems.push(`README.md:${number}: "${line.trim()}" counts ${exercises} exercises, where this copy has ${course.length}`);
  }
  for (const { line, number, block } of fenced) {
    const total = /^Total: \d+\/(\d+) /.exec(line)?.[1];
    const max = blockMaxima.get(block);
    if (total !== undefined && max !== undefined && Number(total) !== max) problems.push(`README.md:${number}: "${line.trim()}" shows a maximum of ${total}, where this copy's checks of the exercises above give ${max}`);
  }
  return problems;
}
