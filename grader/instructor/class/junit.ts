/**
 * A learner's result as JUnit XML, the format CI systems read, valid against the Jenkins xUnit
 * plugin's `junit-10.xsd` (which that plugin checks its input against): one test suite per
 * exercise, one test case per check, timed by the check's own run.
 *
 * A check that ran and failed is a `<failure>`. An exercise that could not run as a whole (no file,
 * does not compile, crashed, timed out, out of memory, never started: any status but passed and
 * failed) makes each of its checks that did not pass an `<error>` with the reason, counted in
 * `errors`, so that a CI dashboard tells "wrong answers" from "nothing to grade"; when the app
 * never ran, each error holds the fix and no hint (none could apply). It shows what the learner
 * may see: hidden checks fail with their hint only. The schema allows `<properties>` only
 * on a test suite: a check's id, level, visibility and points are properties of its exercise.
 * Learner text (the id, messages that quote answers, what the app printed) is placed by
 * `xmlAttribute` and `xmlText`, its unseen characters shown as escapes; each line of a failure's
 * text stays one line (`terminalText`), so an answer cannot forge the next.
 */
import { checkHintsApply, didNotRun, neverRan, type CheckResult, type ExerciseResult, type GradeResult, type QuizResult } from '../../engine/results.js';
import { terminalText, xmlAttribute, xmlText } from '../../outputs/escape.js';
import { printable } from '../../outputs/printable.js';

/** Seconds as the schema's SUREFIRE_TIME has them: digits, a point, at most three decimals. */
function seconds(ms: number): string {
  return (Math.max(0, ms) / 1000).toFixed(3);
}

/** True when the exercise ran to its verdict; false when it could not run as a whole. */
function ran(exercise: ExerciseResult): boolean {
  return exercise.status === 'passed' || exercise.status === 'failed';
}

function detailLines(check: CheckResult, withHint = true): string[] {
  const lines: string[] = [];
  if (check.details) {
    lines.push(...check.details.requests);
    if (check.details.expected !== null) lines.push(`expected: ${check.details.expected}`);
    if (check.details.actual !== null) lines.push(`actual:   ${check.details.actual}`);
  }
  if (withHint) lines.push(`hint: ${check.hint}`);
  return lines;
}

function verdict(exercise: ExerciseResult, check: CheckResult): string {
  if (ran(exercise)) {
    const message = check.message ?? (check.visibility === 'hidden' ? 'hidden check failed' : 'failed');
    return `      <failure message="${xmlAttribute(message)}" type="failed">${xmlText(detailLines(check).map(terminalText).join('\n'))}</failure>`;
  }
  const reason = exercise.message ?? exercise.status;
  if (neverRan(exercise)) {
    // One reason for every check, and its fix: no check's hint applies.
    return `      <error message="${xmlAttribute(reason)}" type="${exercise.status}">${xmlText(exercise.fix ? terminalText(`fix: ${exercise.fix}`) : '')}</error>`;
  }
  const own = check.message !== null && check.message !== reason && !didNotRun(check.message);
  const details = detailLines(check, checkHintsApply(exercise));
  const body = own && check.message !== null ? [check.message, ...details] : details;
  return `      <error message="${xmlAttribute(reason)}" type="${exercise.status}">${xmlText(body.map(terminalText).join('\n'))}</error>`;
}

function testCase(exercise: ExerciseResult, check: CheckResult): string {
  const open = `    <testcase classname="${xmlAttribute(exercise.slug)}" name="${xmlAttribute(check.title)}" time="${seconds(check.durationMs)}"`;
  if (check.passed) return `${open}/>`;
  return [`${open}>`, verdict(exercise, check), '    </testcase>'].join('\n');
}

function property(name: string, value: string | number): string {
  return `      <property name="${xmlAttribute(name)}" value="${xmlAttribute(String(value))}"/>`;
}

/** Failed checks of an exercise, as failures (it ran) or errors (it could not run). */
function counts(exercise: ExerciseResult): { failures: number; errors: number } {
  const notPassed = exercise.checks.filter((check) => !check.passed).length;
  return ran(exercise) ? { failures: notPassed, errors: 0 } : { failures: 0, errors: notPassed };
}

function testSuite(exercise: ExerciseResult): string {
  const { failures, errors } = counts(exercise);
  const attributes = [
    `name="${xmlAttribute(exercise.slug)}"`,
    `tests="${exercise.checks.length}"`,
    `failures="${failures}"`,
    `errors="${errors}"`,
    'skipped="0"',
    `time="${seconds(exercise.durationMs)}"`,
  ].join(' ');
  const lines = [
    `  <testsuite ${attributes}>`,
    '    <properties>',
    property('title', exercise.title),
    property('status', exercise.status),
    property('score', exercise.score),
    property('maxScore', exercise.maxScore),
  ];
  if (exercise.message) lines.push(property('message', exercise.message));
  for (const check of exercise.checks) lines.push(property(check.id, `${check.level}, ${check.points} pt, ${check.visibility}`));
  lines.push('    </properties>');
  lines.push(...exercise.checks.map((check) => testCase(exercise, check)));
  if (exercise.output) lines.push(`    <system-out>${xmlText(exercise.output)}</system-out>`);
  lines.push('  </testsuite>');
  return lines.join('\n');
}

/** A quiz's answers as a suite of their own (`<slug> quiz`): a wrong answer fails, a question not answered is skipped. */
function quizSuite(exercise: ExerciseResult, quiz: QuizResult): string {
  const wrong = quiz.questions.filter((question) => question.chosen !== null && !question.right).length;
  const skipped = quiz.questions.filter((question) => question.chosen === null).length;
  const name = `${exercise.slug} quiz`;
  const lines = [
    `  <testsuite name="${xmlAttribute(name)}" tests="${quiz.questions.length}" failures="${wrong}" errors="0" skipped="${skipped}" time="0">`,
    '    <properties>',
    property('points', quiz.points),
    property('maxPoints', quiz.maxPoints),
  ];
  if (quiz.refused) lines.push(property('refused', quiz.refused));
  lines.push('    </properties>');
  for (const question of quiz.questions) {
    const open = `    <testcase classname="${xmlAttribute(name)}" name="${xmlAttribute(`${question.id} (${question.level}, ${question.maxPoints} pt)`)}" time="0"`;
    if (question.right) lines.push(`${open}/>`);
    else if (question.chosen === null) lines.push(`${open}>`, '      <skipped message="not answered"/>', '    </testcase>');
    else lines.push(`${open}>`, `      <failure message="${xmlAttribute(`answered ${question.chosen}, not the right choice`)}"/>`, '    </testcase>');
  }
  lines.push('  </testsuite>');
  return lines.join('\n');
}

/** JUnit XML for one learner; `view` is the learner's view of the result. */
export function toJUnit(learner: string, view: GradeResult): string {
  const quizzes = view.exercises.flatMap((exercise) => (exercise.quiz ? [{ exercise, quiz: exercise.quiz }] : []));
  const total = view.exercises.map(counts).reduce((sum, next) => ({ failures: sum.failures + next.failures, errors: sum.errors + next.errors }), { failures: 0, errors: 0 });
  const quizFailures = quizzes.reduce((sum, { quiz }) => sum + quiz.questions.filter((question) => question.chosen !== null && !question.right).length, 0);
  const tests = view.exercises.reduce((sum, exercise) => sum + exercise.checks.length, 0) + quizzes.reduce((sum, { quiz }) => sum + quiz.questions.length, 0);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${xmlAttribute(`session-kit: ${printable(learner)}`)}" tests="${tests}" failures="${total.failures + quizFailures}" errors="${total.errors}" time="${seconds(view.durationMs)}">`,
    ...view.exercises.map(testSuite),
    ...quizzes.map(({ exercise, quiz }) => quizSuite(exercise, quiz)),
    '</testsuites>',
    '',
  ].join('\n');
}
