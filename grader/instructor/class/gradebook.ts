/**
 * The gradebook: one CSV row per learner (id, total, maximum, one score column per exercise in
 * manifest order, the hand-in, then one status column per exercise saying why a score is what it
 * is: `not-started`, `missing-file`, `compile-error`, `timeout`, …), built only from the results
 * documents, so that a merged run and a single run give the same file. The statuses come after
 * the scores so that the scores stay one range to sum; the quizzes' points, when the course has
 * quizzes, come last (their total, its maximum, one column per exercise).
 */
import { manifest } from '../../engine/course/manifest.js';
import type { GradeResult } from '../../engine/results.js';
import { csvCell } from '../../outputs/escape.js';
import { printable } from '../../outputs/printable.js';

/** One learner of the class, as the gradebook and the class report read them. */
export interface ClassEntry {
  learner: string;
  result: GradeResult;
  /** The hand-in: `graded`, or why the submission could not be graded (`empty`, `no-exercises`, `unreadable`, `link-outside`, `zip-refused`, `grader-error`). */
  handIn: string;
  /** The hand-in in words, when not graded. */
  reason: string | null;
}

/** The exercises the entries were graded on, in manifest order (any unknown slug after them). */
export function exerciseSlugs(entries: readonly ClassEntry[]): string[] {
  const seen = new Set(entries.flatMap((entry) => entry.result.exercises.map((exercise) => exercise.slug)));
  const known = manifest.exercises.map((info) => info.slug).filter((slug) => seen.has(slug));
  return [...known, ...[...seen].filter((slug) => !known.includes(slug))];
}

/** Sorted by learner id, in code-unit order, as the shards split the class. */
export function sortEntries(entries: readonly ClassEntry[]): ClassEntry[] {
  return [...entries].sort((a, b) => (a.learner < b.learner ? -1 : a.learner > b.learner ? 1 : 0));
}

/** The exercises graded with a quiz, in the gradebook's order. */
function quizSlugs(entries: readonly ClassEntry[], slugs: readonly string[]): string[] {
  return slugs.filter((slug) => entries.some((entry) => entry.result.exercises.some((exercise) => exercise.slug === slug && exercise.quiz)));
}

export function renderGradebook(entries: readonly ClassEntry[]): string {
  const slugs = exerciseSlugs(entries);
  const quizzes = quizSlugs(entries, slugs);
  // The quizzes' columns come last: the code's scores stay one range to sum, as before quizzes.
  const quizColumns = quizzes.length === 0 ? [] : ['quiz total', 'quiz maximum', ...quizzes.map((slug) => `${slug} quiz`)];
  const rows = [['id', 'total', 'maximum', ...slugs, 'hand-in', ...slugs.map((slug) => `${slug} status`), ...quizColumns]];
  for (const entry of sortEntries(entries)) {
    const exercises = slugs.map((slug) => entry.result.exercises.find((candidate) => candidate.slug === slug));
    const scores = exercises.map((exercise) => (exercise ? String(exercise.score) : ''));
    const statuses = exercises.map((exercise) => exercise?.status ?? '');
    const quizResults = quizzes.map((slug) => entry.result.exercises.find((candidate) => candidate.slug === slug)?.quiz);
    const sum = (of: 'points' | 'maxPoints'): string => String(quizResults.reduce((total, quiz) => total + (quiz?.[of] ?? 0), 0));
    const quizCells = quizzes.length === 0 ? [] : [sum('points'), sum('maxPoints'), ...quizResults.map((quiz) => (quiz ? String(quiz.points) : ''))];
    // An id with control characters or unseen ones gets them escaped, as in the progress lines: a
    // gradebook printed in a terminal or a CI log must not act on them, and two ids that look alike
    // must not look alike here (the exact id is in the learner's record). A formula is defused by `csvCell`.
    rows.push([printable(entry.learner), String(entry.result.score), String(entry.result.maxScore), ...scores, entry.handIn, ...statuses, ...quizCells]);
  }
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
