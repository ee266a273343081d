/**
 * A learner's answers to an exercise's quiz: `exercises/<slug>/quiz-answers.json`, beside the
 * view, so that they are handed in with it. Each question's first answer is the one kept (the quiz
 * shows the explanation after it). In a class run the file is a stranger's: it is read as a view
 * is (`readView`: a plain file inside the folder, of bounded size), and anything in it that is not
 * a letter for a question of the kit's own quiz is left out, never trusted.
 */
import path from 'node:path';
import type { Quiz } from '../course/quiz.js';
import { displayPath } from '../paths.js';
import { readView } from './read-view.js';

export const quizAnswersName = 'quiz-answers.json';

/** The letter of the choice at `index`: A for the first. */
export function choiceLetter(index: number): string {
  return String.fromCharCode(65 + index);
}

/** The index of the choice a letter names, or null when it names none of `count`. */
export function choiceIndex(letter: unknown, count: number): number | null {
  if (typeof letter !== 'string' || !/^[A-Za-z]$/.test(letter)) return null;
  const index = letter.toUpperCase().charCodeAt(0) - 65;
  return index < count ? index : null;
}

/** Answers by question id: the index of the choice given. */
export type QuizAnswers = Map<string, number>;

/** What reading a learner's answers gave: none at all, the answers, or why the file was refused. */
export type AnswersRead = { kind: 'none' } | { kind: 'read'; answers: QuizAnswers } | { kind: 'refused'; message: string };

export function quizAnswersFile(exerciseFolder: string): string {
  return path.join(exerciseFolder, quizAnswersName);
}

/** The answers in `exerciseFolder` to `quiz`'s questions; `root` is the folder being graded, which no link may leave. */
export function readQuizAnswers(exerciseFolder: string, quiz: Quiz, root?: string): AnswersRead {
  const graded = root ?? path.dirname(exerciseFolder);
  const read = readView(quizAnswersFile(exerciseFolder), graded);
  if (!read.ok) return read.absent ? { kind: 'none' } : { kind: 'refused', message: refusalOf(read.message, graded, quiz.slug) };
  let data: unknown;
  try {
    // An editor may save the file with a byte order mark (Notepad does), which JSON does not allow.
    data = JSON.parse(read.source.replace(/^\uFEFF/, ''));
  } catch {
    return { kind: 'refused', message: `${quizAnswersName} is not valid JSON: take the quiz again (npm run quiz -- ${quiz.slug})` };
  }
  const given = typeof data === 'object' && data !== null ? (data as { answers?: unknown }).answers : undefined;
  const answers: QuizAnswers = new Map();
  if (typeof given !== 'object' || given === null || Array.isArray(given)) return { kind: 'read', answers };
  for (const question of quiz.questions) {
    if (!Object.hasOwn(given, question.id)) continue;
    const index = choiceIndex((given as Record<string, unknown>)[question.id], question.choices.length);
    if (index !== null) answers.set(question.id, index);
  }
  return { kind: 'read', answers };
}

/**
 * `readView`'s refusal said of the answers file: its paths as the learner names them (from the
 * folder being graded, not the machine's own paths, which a class run's feedback must not show),
 * and what a view is said of it said of answers.
 */
function refusalOf(message: string, root: string, slug: string): string {
  const shown = displayPath(root);
  const relative = shown === '' ? message : message.split(`${shown}${path.sep}`).join('');
  return relative
    .replace('a plain file with your code', 'a plain file with your answers')
    .replace(/: a view needs a few KiB of code$/, `: answers take a few hundred bytes; take the quiz again (npm run quiz -- ${slug})`);
}

/** The file's text for these answers, in the quiz's order. */
export function quizAnswersText(quiz: Quiz, answers: QuizAnswers): string {
  const letters: Record<string, string> = {};
  for (const question of quiz.questions) {
    const index = answers.get(question.id);
    if (index !== undefined) letters[question.id] = choiceLetter(index);
  }
  return `${JSON.stringify({ answers: letters }, null, 2)}\n`;
}
