/**
 * A learner's result in Gradescope's autograder format (`results.json`): one test per check, with
 * its points, verdict, level and exercise as tags, and what the learner may see of why it failed.
 * Hidden checks get the visibility the instructor chooses (by default shown once grades are
 * published); public checks are visible at once.
 *
 * Gradescope shows the top-level `output` to the learner at once, whatever the tests' visibility.
 * While hidden checks are not shown, it tells only what the public checks tell: their points per
 * exercise, no total, no status and no known mistake (each is read from hidden checks too); a
 * problem of the whole exercise only when its public checks already show it. The named mistake
 * then goes with the first failed hidden check, shown when that check is. An app that never ran
 * has its reason and its fix there, once, and its tests no hint (none of them could apply).
 *
 * Both outputs are text (`output_format`): learner text in them (messages that quote answers, the
 * answers, the reason a folder could not be graded) goes through `terminalText`, as in the report.
 */
import { namedMistakes } from '../../engine/check-language/mistake.js';
import { fixLine, mistakeLines, problemLine, renderExercise, renderQuizSummary, styleFor } from '../../outputs/report.js';
import { checkHintsApply, didNotRun, pointsOf, type CheckResult, type ExerciseResult, type GradeResult, type QuizResult } from '../../engine/results.js';
import { terminalText } from '../../outputs/escape.js';
import { levels } from '../../engine/course/manifest.js';

/** When Gradescope shows a test to the learner. */
export type GradescopeVisibility = 'hidden' | 'after_due_date' | 'after_published' | 'visible';

export const gradescopeVisibilities: readonly GradescopeVisibility[] = ['hidden', 'after_due_date', 'after_published', 'visible'];

export interface GradescopeTest {
  name: string;
  score: number;
  max_score: number;
  status: 'passed' | 'failed';
  output: string;
  visibility: GradescopeVisibility;
  tags: string[];
}

export interface GradescopeResults {
  score: number;
  execution_time: number;
  output: string;
  output_format: 'text';
  test_output_format: 'text';
  tests: GradescopeTest[];
}

const plain = styleFor(process.stdout, { NO_COLOR: '1' });

function testOutput(check: CheckResult, withHint: boolean): string {
  if (check.passed) return '';
  const lines: string[] = [];
  if (check.message) lines.push(terminalText(check.message));
  if (check.details) {
    lines.push(...check.details.requests.map((request) => `  ${terminalText(request)}`));
    if (check.details.expected !== null) lines.push(`expected: ${terminalText(check.details.expected)}`);
    if (check.details.actual !== null) lines.push(`actual:   ${terminalText(check.details.actual)}`);
  }
  if (withHint) lines.push(`hint: ${check.hint}`);
  return lines.join('\n');
}

/** True when the learner sees hidden checks now, or there are none. */
function allShown(view: GradeResult, hiddenVisibility: GradescopeVisibility): boolean {
  return hiddenVisibility === 'visible' || view.exercises.every((exercise) => exercise.checks.every((check) => check.visibility === 'public'));
}

function testsOf(exercise: ExerciseResult, hiddenVisibility: GradescopeVisibility, shown: boolean): GradescopeTest[] {
  const failed = exercise.checks.filter((check) => !check.passed);
  // A named known mistake carries the hint; otherwise the first failure's hint is the one to try.
  // While hidden checks are not shown, the mistake (read from them too) waits with the first failed hidden check.
  const named = namedMistakes(exercise.mistakes).length > 0;
  const withMistake = !named ? undefined : shown ? null : (failed.find((check) => check.visibility === 'hidden') ?? null);
  const hinted = shown ? (!named ? failed[0] : undefined) : failed.find((check) => check.visibility === 'public') ?? (withMistake ? undefined : failed[0]);
  // An app that never ran (or nothing begun) has its reason and fix in the overview: no check's hint applies.
  const hints = checkHintsApply(exercise);
  return exercise.checks.map((check) => {
    const output = [testOutput(check, hints && check === hinted), ...(check === withMistake ? mistakeLines(exercise, plain).map((line) => line.trim()) : [])];
    return {
      name: `${exercise.title}: ${check.title}`,
      score: check.passed ? check.points : 0,
      max_score: check.points,
      status: check.passed ? 'passed' : 'failed',
      output: output.filter((part) => part !== '').join('\n'),
      visibility: check.visibility === 'hidden' ? hiddenVisibility : 'visible',
      tags: [check.level, exercise.slug],
    };
  });
}

const whenShown: Record<GradescopeVisibility, string> = {
  hidden: 'to your instructor only',
  after_due_date: 'after the due date',
  after_published: 'once grades are published',
  visible: 'now',
};

/**
 * True when the exercise's public checks already say what stopped it (they did not run, or hit
 * it). An untouched stub is told too: its handlers only answer 501, which every check sees, and
 * the kit check proves a stub passes no check, hidden ones included.
 */
function publicChecksShowProblem(exercise: ExerciseResult): boolean {
  if (exercise.status === 'not-started') return true;
  return exercise.checks.some(
    (check) => check.visibility === 'public' && check.message !== null && (check.message === exercise.message || didNotRun(check.message)),
  );
}

function sumPoints(checks: readonly CheckResult[]): { score: number; max: number } {
  return { score: pointsOf(checks.filter((check) => check.passed)), max: pointsOf(checks) };
}

/** The summary above the tests, shown to the learner at once: only what the tests shown now tell. */
function overview(view: GradeResult, reason: string | null, note: string | null, hiddenVisibility: GradescopeVisibility): string {
  const lines = reason ? [`This submission could not be graded: ${terminalText(reason)}.`, ''] : note ? [`How your submission was read: ${terminalText(note)}`, ''] : [];
  if (allShown(view, hiddenVisibility)) {
    lines.push(`Total: ${view.score}/${view.maxScore}`);
    for (const exercise of view.exercises) {
      lines.push(renderExercise(exercise, plain).split('\n')[0] ?? '');
      const problem = problemLine(exercise, plain);
      if (problem) lines.push(problem);
      const fix = fixLine(exercise, plain);
      if (fix) lines.push(fix);
      lines.push(...mistakeLines(exercise, plain));
    }
    return withQuizzes(lines, view).join('\n');
  }
  const hidden = view.exercises.flatMap((exercise) => exercise.checks.filter((check) => check.visibility === 'hidden'));
  lines.push(
    `Public checks only: ${hidden.length} hidden checks (${sumPoints(hidden).max} points) are graded too, and shown ${whenShown[hiddenVisibility]}.`,
  );
  for (const exercise of view.exercises) {
    const open = sumPoints(exercise.checks.filter((check) => check.visibility === 'public'));
    lines.push(`${exercise.slug} · ${exercise.title}  public checks ${open.score}/${open.max}`);
    const problem = problemLine(exercise, plain);
    if (!problem || !publicChecksShowProblem(exercise)) continue;
    lines.push(problem);
    const fix = fixLine(exercise, plain);
    if (fix) lines.push(fix);
  }
  return withQuizzes(lines, view).join('\n');
}

/** The overview's lines, then the quizzes' points apart from the code's. */
function withQuizzes(lines: string[], view: GradeResult): string[] {
  const quizzes = renderQuizSummary(view, plain);
  return quizzes ? [...lines, quizzes] : lines;
}

/** An exercise's quiz as one test, worth its points: right answers by level, shown at once (the learner saw each explanation). */
function quizTest(exercise: ExerciseResult, quiz: QuizResult): GradescopeTest {
  const byLevel = levels.flatMap((level) => {
    const questions = quiz.questions.filter((question) => question.level === level);
    return questions.length === 0 ? [] : [`${level}: ${questions.filter((question) => question.right).length} of ${questions.length} right`];
  });
  const answered = quiz.answered === 0 ? 'no answers handed in (exercises/<slug>/quiz-answers.json, written by npm run quiz)' : `${quiz.answered} of ${quiz.questions.length} answered`;
  return {
    name: `${exercise.title}: quiz`,
    score: quiz.points,
    max_score: quiz.maxPoints,
    status: quiz.points === quiz.maxPoints ? 'passed' : 'failed',
    output: [quiz.refused ? terminalText(quiz.refused) : answered, ...byLevel].join('\n'),
    visibility: 'visible',
    tags: ['quiz', exercise.slug],
  };
}

/** Gradescope's `results.json` for one learner; `view` is the learner's view of the result. */
export function toGradescope(view: GradeResult, hiddenVisibility: GradescopeVisibility, reason: string | null, note: string | null = null): GradescopeResults {
  const shown = allShown(view, hiddenVisibility);
  const quizzes = view.exercises.flatMap((exercise) => (exercise.quiz ? [quizTest(exercise, exercise.quiz)] : []));
  return {
    // The quizzes count with the code, each a test of its own, so that the score is the tests' sum.
    score: view.score + quizzes.reduce((sum, test) => sum + test.score, 0),
    execution_time: Math.round(view.durationMs / 100) / 10,
    output: overview(view, reason, note, hiddenVisibility),
    output_format: 'text',
    test_output_format: 'text',
    tests: [...view.exercises.flatMap((exercise) => testsOf(exercise, hiddenVisibility, shown)), ...quizzes],
  };
}
