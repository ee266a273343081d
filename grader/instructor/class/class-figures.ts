/**
 * The figures of a class, from its results alone, as the class report and the end of a class run
 * show them. Two distinctions keep them honest:
 *
 * - A learner **handed something in** when their folder was graded and at least one exercise was
 *   begun (not the stub as handed out, not missing). The others (an empty folder, no exercises, a
 *   zip refused, a folder that cannot be read, only stubs, a grader error) are counted apart: a
 *   0 % of theirs would pull the class's mean down for work nobody did.
 * - An exercise **ran** when its app answered the checks: it passed, failed, or stopped partway
 *   through them. A compile error, a missing export or an app that stopped while loading fails
 *   every check for that one reason; counted in the pass rates, one such learner would fill the
 *   most-missed checks. A check after a crash that was not run is left out the same way.
 */
import { namedMistakes } from '../../engine/check-language/mistake.js';
import { didNotRun, neverRan, notBegun, type CheckResult, type ExerciseResult, type ExerciseStatus } from '../../engine/results.js';
import { exerciseSlugs, sortEntries, type ClassEntry } from './gradebook.js';

/** One learner's row of the class report. */
export interface LearnerFigures {
  learner: string;
  handIn: string;
  reason: string | null;
  score: number;
  maxScore: number;
  percent: number;
  /** Exercises with every check passed, of `exercises`. */
  passed: number;
  exercises: number;
  /** Graded, with at least one exercise begun: counted in the class's figures. */
  handedIn: boolean;
  /** `graded`, `nothing started`, or why the folder could not be graded. */
  status: string;
  /** The exercises begun that did not run, and why. */
  notRun: { slug: string; status: ExerciseStatus }[];
}

export interface CheckFigures {
  id: string;
  slug: string;
  title: string;
  level: string;
  visibility: string;
  points: number;
  passed: number;
  /** Learners whose exercise ran and who ran this check. */
  ran: number;
}

export interface ExerciseFigures {
  slug: string;
  title: string;
  maxScore: number;
  /** Learners who began it. */
  begun: number;
  ran: number;
  passed: number;
  /** Of the learners whose exercise ran. */
  scoreSum: number;
  /** Every outcome among the learners who handed something in. */
  statuses: Map<ExerciseStatus, number>;
  checks: CheckFigures[];
}

/** A known mistake and how many learners' results named it. */
export interface MistakeCount {
  slug: string;
  id: string;
  title: string;
  learners: number;
}

export interface ClassFigures {
  learners: LearnerFigures[];
  handedIn: LearnerFigures[];
  /** The learners who handed in nothing gradable. */
  apart: LearnerFigures[];
  /** Percent of the maximum, over the learners who handed something in (0 when none did). */
  mean: number;
  median: number;
  fullMarks: number;
  exercises: ExerciseFigures[];
  /** The checks the learners whose exercise ran fail most, lowest pass rate first. */
  mostMissed: CheckFigures[];
  mistakes: MistakeCount[];
}

/** Whether the app of this exercise answered the checks (see above). */
export function exerciseRan(exercise: Pick<ExerciseResult, 'status' | 'checks'>): boolean {
  return !notBegun(exercise.status) && !neverRan(exercise);
}

function checkRan(check: CheckResult): boolean {
  return !didNotRun(check.message);
}

/** The hand-in in words, as a teacher reads it in a table. */
const handInWords: Record<string, string> = {
  empty: 'empty folder',
  'no-exercises': 'no exercises',
  unreadable: 'unreadable',
  'link-outside': 'link outside',
  'grader-error': 'grader error',
  'zip-refused': 'zip refused',
};

export function learnerFigures(entry: ClassEntry): LearnerFigures {
  const { exercises, score, maxScore } = entry.result;
  const begun = exercises.filter((exercise) => !notBegun(exercise.status));
  const graded = entry.handIn === 'graded';
  const handedIn = graded && begun.length > 0;
  return {
    learner: entry.learner,
    handIn: entry.handIn,
    reason: entry.reason,
    score,
    maxScore,
    percent: maxScore === 0 ? 0 : (100 * score) / maxScore,
    passed: exercises.filter((exercise) => exercise.status === 'passed').length,
    exercises: exercises.length,
    handedIn,
    status: graded ? (handedIn ? 'graded' : 'nothing started') : (handInWords[entry.handIn] ?? entry.handIn),
    notRun: graded ? begun.filter((exercise) => !exerciseRan(exercise)).map((exercise) => ({ slug: exercise.slug, status: exercise.status })) : [],
  };
}

export function medianOf(values: readonly number[]): number {
  const ordered = [...values].sort((a, b) => a - b);
  const middle = Math.floor(ordered.length / 2);
  if (ordered.length === 0) return 0;
  return ordered.length % 2 === 1 ? (ordered[middle] ?? 0) : ((ordered[middle - 1] ?? 0) + (ordered[middle] ?? 0)) / 2;
}

function exerciseFigures(slug: string, results: readonly (ExerciseResult | undefined)[]): ExerciseFigures {
  const figures: ExerciseFigures = { slug, title: slug, maxScore: 0, begun: 0, ran: 0, passed: 0, scoreSum: 0, statuses: new Map(), checks: [] };
  const checks = new Map<string, CheckFigures>();
  for (const exercise of results) {
    if (!exercise) continue;
    figures.title = exercise.title;
    figures.maxScore = Math.max(figures.maxScore, exercise.maxScore);
    figures.statuses.set(exercise.status, (figures.statuses.get(exercise.status) ?? 0) + 1);
    if (!notBegun(exercise.status)) figures.begun += 1;
    const ran = exerciseRan(exercise);
    for (const check of exercise.checks) {
      const counted = checks.get(check.id) ?? { id: check.id, slug, title: check.title, level: check.level, visibility: check.visibility, points: check.points, passed: 0, ran: 0 };
      checks.set(check.id, counted);
      if (!ran || !checkRan(check)) continue;
      counted.ran += 1;
      if (check.passed) counted.passed += 1;
    }
    if (!ran) continue;
    figures.ran += 1;
    figures.scoreSum += exercise.score;
    if (exercise.status === 'passed') figures.passed += 1;
  }
  figures.checks = [...checks.values()];
  return figures;
}

/** How many learners each known mistake was named for, most first (ties by exercise, then id). */
export function countMistakes(entries: readonly ClassEntry[]): MistakeCount[] {
  const counts = new Map<string, MistakeCount>();
  for (const entry of entries) {
    for (const exercise of entry.result.exercises) {
      // Results written before mistakes were named have none.
      for (const mistake of namedMistakes(exercise.mistakes)) {
        const key = `${exercise.slug}/${mistake.id}`;
        const counted = counts.get(key) ?? { slug: exercise.slug, id: mistake.id, title: mistake.title, learners: 0 };
        counted.learners += 1;
        counts.set(key, counted);
      }
    }
  }
  return [...counts.values()].sort((a, b) => b.learners - a.learners || a.slug.localeCompare(b.slug) || a.id.localeCompare(b.id));
}

/** Every figure of the class report, from these learners' entries. */
export function classFigures(entries: readonly ClassEntry[], mostMissedRows = 10): ClassFigures {
  const sorted = sortEntries(entries);
  const learners = sorted.map(learnerFigures);
  const counted = sorted.filter((_, index) => learners[index]?.handedIn);
  const handedIn = learners.filter((learner) => learner.handedIn);
  const percents = handedIn.map((learner) => learner.percent);
  const exercises = exerciseSlugs(sorted).map((slug) =>
    exerciseFigures(slug, counted.map((entry) => entry.result.exercises.find((exercise) => exercise.slug === slug))),
  );
  const mostMissed = exercises
    .flatMap((exercise) => exercise.checks)
    .filter((check) => check.ran > 0 && check.passed < check.ran)
    .sort((a, b) => a.passed / a.ran - b.passed / b.ran || b.ran - a.ran || a.id.localeCompare(b.id))
    .slice(0, mostMissedRows);
  return {
    learners,
    handedIn,
    apart: learners.filter((learner) => !learner.handedIn),
    mean: percents.length === 0 ? 0 : percents.reduce((sum, value) => sum + value, 0) / percents.length,
    median: medianOf(percents),
    fullMarks: handedIn.filter((learner) => learner.maxScore > 0 && learner.score === learner.maxScore).length,
    exercises,
    mostMissed,
    mistakes: countMistakes(counted),
  };
}
