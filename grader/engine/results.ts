/**
 * The result document: the one place where results are shaped, for the report, `--json` and
 * everything that reads them. `schemaVersion` changes when a field changes meaning or goes away.
 */
import type { Check, Visibility } from './check-language/check.js';
import type { MistakeMatch } from './check-language/mistake.js';
import type { Level } from './course/manifest.js';
import type { IsolationLevel } from './sandbox/isolation.js';
import type { SourceLocation } from './sandbox/protocol.js';

export const schemaVersion = 1;

/**
 * How grading one exercise ended: its verdict, the one word every output shows. `passed`: every
 * check passed. `failed`: the app ran and some checks failed. `not-started`: the checks ran and
 * all failed on the kit's stub, every handler still as handed out (`grading/not-started.ts`): not
 * work handed in, so a class's pass rates leave it out. The others mean the app could not be
 * graded as it stands, and say why: `not-a-file` and `too-large` are a `view.ts` the grader will
 * not read (a link out of the learner's folder, a FIFO, a device; more than 256 KiB).
 * `grading/verdict.ts` turns what each stage of grading observed into one of these.
 */
export type ExerciseStatus =
  | 'passed'
  | 'failed'
  | 'not-started'
  | 'missing-file'
  | 'not-a-file'
  | 'too-large'
  | 'compile-error'
  | 'missing-export'
  | 'crashed'
  | 'timeout'
  | 'out-of-memory';

/** Nothing of the learner's to grade: no view, or the stub as handed out. */
export function notBegun(status: ExerciseStatus): boolean {
  return status === 'not-started' || status === 'missing-file';
}

/**
 * The app never answered a check: its view could not be read, compiled or loaded (a missing
 * export, a throw, an endless loop or all the memory while it loaded). Every check then failed
 * for that one reason, so no check's hint applies: the result's `message` and `fix` say what to
 * do. Told by the public checks (a learner's view keeps no hidden check's message): none ran. A
 * crash or a hang during the checks is not this: the checks before it ran and keep their details.
 */
export function neverRan(result: Pick<ExerciseResult, 'status' | 'checks'>): boolean {
  if (result.status === 'passed' || result.status === 'failed' || result.status === 'not-started') return false;
  const publicOnes = result.checks.filter((check) => check.visibility === 'public');
  return (publicOnes.length > 0 ? publicOnes : result.checks).every((check) => didNotRun(check.message));
}

/** Whether the checks' own hints are worth showing: not when nothing of the learner's ran or was begun. */
export function checkHintsApply(result: Pick<ExerciseResult, 'status' | 'checks'>): boolean {
  return !notBegun(result.status) && !neverRan(result);
}

export const exerciseStatuses: readonly ExerciseStatus[] = [
  'passed',
  'failed',
  'not-started',
  'missing-file',
  'not-a-file',
  'too-large',
  'compile-error',
  'missing-export',
  'crashed',
  'timeout',
  'out-of-memory',
];

/** A type error in the learner's file: shown beside the verdict, never counted against it. */
export interface TypeWarning {
  file: string;
  line: number;
  column: number;
  /** `TS<code>: <message>`, on one line. */
  message: string;
}

/** For a failed public check: what was asked, what was expected and what came back. */
export interface FailureDetails {
  requests: string[];
  expected: string | null;
  actual: string | null;
}

export interface CheckResult {
  id: string;
  title: string;
  level: Level;
  visibility: Visibility;
  points: number;
  passed: boolean;
  /** Why it failed, in one line; null when it passed, or for a hidden check's own assertions. */
  message: string | null;
  hint: string;
  /** Only for failed public checks. */
  details: FailureDetails | null;
  /** How long the check itself ran, in ms, retries included and waits for a turn left out; 0 when it did not run. */
  durationMs: number;
}

export interface ExerciseResult {
  slug: string;
  title: string;
  status: ExerciseStatus;
  score: number;
  maxScore: number;
  /** Why, when the status is neither passed nor failed. */
  message: string | null;
  /** Where in the learner's file, when known. */
  location: SourceLocation | null;
  /**
   * What to change so that the app runs, in one line with where (`grading/fix.ts`), when it never
   * answered a check (`neverRan`); null otherwise, and when `message` already says it. Absent from
   * a result stored before it existed (a class run's `--resume` reads those).
   */
  fix?: string | null;
  /** False in a learner's copy, where hidden checks are graded by the instructor. */
  hiddenChecksIncluded: boolean;
  /** What the learner's app printed while graded, at most 2 KiB. */
  output: string;
  /** Type errors in the learner's file (empty when type checking was off). */
  warnings: TypeWarning[];
  /**
   * The known mistakes whose pattern the failed checks show (`solutions/<slug>/mistakes.ts`):
   * usually one, two when only public checks ran and two mistakes look alike there; empty when
   * none matches or the app did not run.
   */
  mistakes: MistakeMatch[];
  checks: CheckResult[];
  durationMs: number;
  /**
   * The learner's quiz answers, scored apart from the checks (`score` is the code's alone);
   * absent when the exercise has no quiz, and from results stored before quizzes existed.
   */
  quiz?: QuizResult;
}

/** One question of a quiz as graded: the letter given (null when unanswered) and whether it is right. */
export interface QuizQuestionResult {
  id: string;
  level: 'easy' | 'medium' | 'hard';
  chosen: string | null;
  right: boolean;
  points: number;
  maxPoints: number;
}

/** An exercise's quiz as graded from the answers handed in, against the kit's own key. */
export interface QuizResult {
  points: number;
  maxPoints: number;
  answered: number;
  /** Why the answers were not read (a link out, not JSON…); null when they were, or there were none. */
  refused: string | null;
  questions: QuizQuestionResult[];
}

export interface GradeResult {
  schemaVersion: typeof schemaVersion;
  /** The folder of exercise folders that was graded. */
  target: string;
  score: number;
  maxScore: number;
  exercises: ExerciseResult[];
  durationMs: number;
  /** How the learner's code was sealed off while graded (see `grader/engine/sandbox/isolation.ts`). */
  isolation: IsolationLevel;
}

export function passedCheck(check: Check, durationMs = 0): CheckResult {
  return { ...describeCheck(check), passed: true, message: null, details: null, durationMs: Math.round(durationMs) };
}

/** The checks of an exercise that could not run, each failed with the reason. */
export function notRunChecks(checks: readonly Check[], reason: string): CheckResult[] {
  return checks.map((check) => failedCheck(check, `${notRunPrefix}${reason}`, null));
}

/** Whether a check's message is that of a check that did not run (`notRunChecks`). */
export function didNotRun(message: string | null): boolean {
  return message !== null && message.startsWith(notRunPrefix);
}

const notRunPrefix = 'not run: ';

export function failedCheck(check: Check, message: string | null, details: FailureDetails | null, durationMs = 0): CheckResult {
  return {
    ...describeCheck(check),
    passed: false,
    message,
    details: check.visibility === 'public' ? details : null,
    durationMs: Math.round(durationMs),
  };
}

function describeCheck(check: Check): Omit<CheckResult, 'passed' | 'message' | 'details' | 'durationMs'> {
  return {
    id: check.id,
    title: check.title,
    level: check.level,
    visibility: check.visibility,
    points: check.points,
    hint: check.hint,
  };
}

/** The points of these checks added up: a course's, or a result's (`passed` ones for its score). */
export function pointsOf(checks: readonly { points: number }[]): number {
  return checks.reduce((sum, check) => sum + check.points, 0);
}

export function exerciseResult(
  fields: Omit<ExerciseResult, 'score' | 'maxScore' | 'warnings' | 'mistakes' | 'fix'> & { mistakes?: MistakeMatch[]; fix?: string | null },
): ExerciseResult {
  const score = pointsOf(fields.checks.filter((check) => check.passed));
  const maxScore = pointsOf(fields.checks);
  return { ...fields, score, maxScore, output: cleanOutput(fields.output), warnings: [], mistakes: fields.mistakes ?? [], fix: fields.fix ?? null };
}

/** The total of these exercises' results. */
export function totalsOf(exercises: readonly ExerciseResult[]): { score: number; maxScore: number } {
  return { score: exercises.reduce((sum, exercise) => sum + exercise.score, 0), maxScore: exercises.reduce((sum, exercise) => sum + exercise.maxScore, 0) };
}

/**
 * The result of a grading. Its time is the exercises' own added up: each counts its public checks
 * only (a hidden check's time is the app's to stretch, so a total of the wall clock could carry
 * what a hidden check sent).
 */
export function gradeResult(target: string, exercises: ExerciseResult[], isolation: IsolationLevel): GradeResult {
  return {
    schemaVersion,
    target,
    ...totalsOf(exercises),
    exercises,
    durationMs: exercises.reduce((sum, exercise) => sum + exercise.durationMs, 0),
    isolation,
  };
}

/** Learner output is shown quoted: no escape sequences that could redraw the terminal. */
export function cleanOutput(text: string): string {
  // Matching control characters is the point here.
  const clean = text
    // eslint-disable-next-line no-control-regex
    .replace(/\x1b\[[0-9;?]*[ -/]*[@-~]/g, '')
    // eslint-disable-next-line no-control-regex
    .replace(/[\x00-\x08\x0b-\x1f\x7f]/g, '')
    .trimEnd();
  return clean.length > 2048 ? `…${clean.slice(-2048)}` : clean;
}
