/**
 * The report a learner reads after `npm run grade`: per exercise its score and checks, what went
 * wrong and what to try next, then the total. Every text of the learner's (messages that quote
 * answers, the answers, what the app printed, type errors, file names) goes through `terminalText`:
 * on its own line, with no escape sequence or control character, and nothing unseen.
 */
import { terminalText } from './escape.js';
import { displayPath } from '../engine/paths.js';
import { neverRan, notBegun, type CheckResult, type ExerciseResult, type GradeResult } from '../engine/results.js';

export interface Style {
  green(text: string): string;
  red(text: string): string;
  yellow(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
}

function paint(open: number, close: number): (text: string) => string {
  return (text) => `\x1b[${open}m${text}\x1b[${close}m`;
}

const colors: Style = { green: paint(32, 39), red: paint(31, 39), yellow: paint(33, 39), dim: paint(2, 22), bold: paint(1, 22) };
const plain: Style = { green: String, red: String, yellow: String, dim: String, bold: String };

/** Colours on a terminal that has them; none when piped, or when NO_COLOR is set. */
export function styleFor(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv = process.env): Style {
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return colors;
  if (env.NO_COLOR !== undefined || env.TERM === 'dumb') return plain;
  return stream.isTTY ? colors : plain;
}

const statusWords: Record<ExerciseResult['status'], string> = {
  passed: 'passed',
  failed: 'failed',
  'not-started': 'not started',
  'missing-file': 'missing file',
  'not-a-file': 'not a file',
  'too-large': 'too large',
  'compile-error': 'does not compile',
  'missing-export': 'missing export',
  crashed: 'crashed',
  timeout: 'timed out',
  'out-of-memory': 'out of memory',
};

function statusText(result: ExerciseResult, style: Style): string {
  const word = statusWords[result.status];
  if (result.status === 'passed') return style.green(word);
  if (result.status === 'failed') return style.red(word);
  return style.yellow(word);
}

function checkLines(check: CheckResult, style: Style, detailed: boolean, withHint: boolean): string[] {
  const mark = check.passed ? style.green('✔') : style.red('✘');
  const points = `${check.points} pt`.padEnd(5);
  const hidden = check.visibility === 'hidden' ? style.dim(' (hidden)') : '';
  const lines = [`  ${mark} ${check.level.padEnd(6)} ${points} ${check.title}${hidden}`];
  if (check.passed || !detailed) return lines;
  if (check.message) lines.push(`      ${terminalText(check.message)}`);
  if (check.details) {
    for (const request of check.details.requests) lines.push(style.dim(`      │ ${terminalText(request)}`));
    if (check.details.expected !== null) lines.push(`      expected: ${terminalText(check.details.expected)}`);
    if (check.details.actual !== null) lines.push(`      actual:   ${terminalText(check.details.actual)}`);
  }
  if (withHint) lines.push(`      ${style.yellow('hint:')} ${check.hint}`);
  return lines;
}

/**
 * The known mistake the failures show, in one line, with its own hint: one cause named, rather
 * than a hint for every check it made fail.
 */
export function mistakeLines(result: ExerciseResult, style: Style): string[] {
  const named = result.mistakes.filter((mistake) => mistake.certain !== false);
  const [first, ...others] = named;
  if (!first) return [];
  const titles = others.length === 0 ? first.title : named.map((mistake) => mistake.title).join('; and ');
  const lines = [`  ${style.yellow('!')} This looks like: ${titles}`];
  for (const mistake of named) lines.push(`      ${style.yellow('hint:')} ${mistake.hint}`);
  return lines;
}

/**
 * Known mistakes whose pattern the failures fit but whose evidence nothing showed: offered below
 * the first failed check's own message and hint, as one possible cause among others.
 */
export function possibleMistakeLines(result: ExerciseResult, style: Style): string[] {
  return result.mistakes
    .filter((mistake) => mistake.certain === false)
    .map((mistake) => `      ${style.dim(`possibly: ${mistake.title}`)}`);
}

/** How much to show of the failed checks: all of them (`npm run grade`), or the first only (`npm run watch`: one screen). */
export interface RenderOptions {
  firstFailureOnly?: boolean;
}

export function renderExercise(result: ExerciseResult, style: Style, options: RenderOptions = {}): string {
  const score = `${result.score}/${result.maxScore}`;
  const lines = [`${style.bold(result.slug)} ${style.dim('·')} ${result.title}  ${score}  ${statusText(result, style)}`];
  const problem = problemLine(result, style);
  if (problem) lines.push(problem);
  const fix = fixLine(result, style);
  if (fix) lines.push(fix);
  lines.push(...warningLines(result, style));
  const quiz = quizLine(result, style);
  if (quiz) lines.push(quiz);
  if (notBegun(result.status)) {
    // The checks' titles are in the lesson; 10 lines of ✘ say nothing more to someone who has not begun.
    lines.push(style.dim(`  ${result.checks.length} checks, ${result.maxScore} points: the lesson's "What is graded" lists them`));
    if (!result.hiddenChecksIncluded) lines.push(style.dim('  hidden checks of this exercise are graded by your instructor'));
    return lines.join('\n');
  }
  const detailed = result.status === 'failed' || result.status === 'passed';
  const firstFailure = result.checks.find((check) => !check.passed);
  const shownFailure = options.firstFailureOnly ? firstFailure : undefined;
  const named = mistakeLines(result, style);
  if (detailed) lines.push(...named);
  // The app never ran: the reason and its fix above are the one thing to act on, and no check's hint applies.
  const ranNot = neverRan(result);
  if (ranNot) lines.push(style.dim(`  none of its ${result.checks.length} checks could run:`));
  // The app stopped during the checks (a crash, a hang): the check it stopped in, with its requests, leads.
  const stoppedIn = !detailed && !ranNot ? result.checks.findLast((check) => !check.passed && check.details !== null) : undefined;
  // With no known mistake named, the first failed check's own message and hint lead.
  const hinted = detailed && named.length === 0 ? firstFailure : stoppedIn;
  for (const check of result.checks) {
    const shown = detailed ? !shownFailure || check === shownFailure : check === stoppedIn;
    lines.push(...checkLines(check, style, shown, check === hinted));
    if (check === hinted && detailed) lines.push(...possibleMistakeLines(result, style));
  }
  if (result.output && result.status !== 'passed') {
    lines.push(style.dim('  your app printed:'));
    for (const line of result.output.split('\n').slice(-10)) lines.push(style.dim(`  │ ${terminalText(line)}`));
  }
  if (!result.hiddenChecksIncluded) lines.push(style.dim('  hidden checks of this exercise are graded by your instructor'));
  return lines.join('\n');
}

/** The quiz's score, apart from the checks'; null when the exercise has no quiz or it was not taken. */
export function quizLine(result: ExerciseResult, style: Style): string | null {
  const quiz = result.quiz;
  if (!quiz) return null;
  if (quiz.refused) return `  ${style.yellow('!')} quiz: ${terminalText(quiz.refused)}`;
  const of = quiz.questions.length;
  // Not taken: the total's quiz line says so once, rather than a line under every exercise.
  if (quiz.answered === 0) return null;
  const left = of - quiz.answered;
  return `  quiz: ${quiz.points}/${quiz.maxPoints} points${left > 0 ? style.dim(`, ${left} of ${of} questions left: npm run quiz -- ${result.slug}`) : ''}`;
}

/** The exercise-level problem (does not compile, crashed, not started), with where, or null. */
export function problemLine(result: ExerciseResult, style: Style): string | null {
  if (!result.message) return null;
  const where = result.location ? ` (${terminalText(displayPath(result.location.file))}:${result.location.line}:${result.location.column})` : '';
  return `  ${style.yellow('!')} ${terminalText(result.message)}${where}`;
}

/** What to change so that an app that never ran does, under its problem line, or null. */
export function fixLine(result: ExerciseResult, style: Style): string | null {
  if (!result.fix) return null;
  return `    ${style.yellow('fix:')} ${terminalText(result.fix)}`;
}

/** An exercise's type errors, the first five in full: they cost no points, so they stay short. */
function warningLines(result: ExerciseResult, style: Style): string[] {
  const lines = result.warnings
    .slice(0, 5)
    .map((warning) => `  ${style.yellow('⚠')} ${terminalText(displayPath(warning.file))}:${warning.line}:${warning.column} type error ${terminalText(warning.message)}`);
  if (result.warnings.length > 5) lines.push(`  ${style.yellow('⚠')} and ${result.warnings.length - 5} more type errors`);
  return lines;
}

/**
 * The type errors of a whole run, printed after its verdicts and total: `npm run grade` shows the
 * verdicts as soon as they are known and the types when they are ready. Empty when there are none.
 */
export function renderWarnings(exercises: readonly ExerciseResult[], style: Style): string {
  const lines = exercises.flatMap((result) => warningLines(result, style));
  if (lines.length === 0) return '';
  const count = exercises.reduce((sum, result) => sum + result.warnings.length, 0);
  return [`${style.yellow(`Type errors: ${count}`)} (they cost no points: you are graded on what your app does)`, ...lines].join('\n');
}

export function renderSummary(result: Pick<GradeResult, 'score' | 'maxScore' | 'exercises'>, style: Style): string {
  const percent = result.maxScore === 0 ? 0 : Math.round((100 * result.score) / result.maxScore);
  const passed = result.exercises.filter((exercise) => exercise.status === 'passed').length;
  const total = `Total: ${result.score}/${result.maxScore} (${percent}%), ${passed} of ${result.exercises.length} exercises passed`;
  return style.bold(total);
}

/** The quizzes' points in all, apart from the code's total, or how to take them; null when no exercise has a quiz. */
export function renderQuizSummary(result: Pick<GradeResult, 'exercises'>, style: Style): string | null {
  const withQuiz = result.exercises.filter((exercise) => exercise.quiz);
  const quizzes = withQuiz.flatMap((exercise) => (exercise.quiz ? [exercise.quiz] : []));
  if (quizzes.length === 0) return null;
  const points = quizzes.reduce((sum, quiz) => sum + quiz.points, 0);
  const maxPoints = quizzes.reduce((sum, quiz) => sum + quiz.maxPoints, 0);
  const taken = quizzes.filter((quiz) => quiz.answered > 0).length;
  // Answers that could not be read are not "none taken": the learner has a file to fix.
  const refused = withQuiz.filter((exercise) => exercise.quiz?.refused);
  const unread = refused.map((exercise) => `; the answers of ${exercise.slug} could not be read: ${terminalText(exercise.quiz?.refused ?? '')}`).join('');
  if (taken === 0 && refused.length === 0) return style.dim(`Quizzes: none taken yet (${maxPoints} points, apart from the code's): npm run quiz -- ${withQuiz.length === 1 ? withQuiz[0]?.slug : '<slug>'}`);
  return `Quizzes: ${points}/${maxPoints} points, ${taken} of ${quizzes.length} taken (apart from the code's total)${unread}`;
}
