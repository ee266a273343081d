/**
 * A learner's answers to an exercise's quiz: `exercises/<slug>/quiz-answers.json`, beside the
 * view, so that they are handed in with it. Each question's first answer is the one kept (the quiz
 * shows the explanation after it). In a class run the file is a stranger's: it is read as a view
 * is (`readView`: a plain file inside the folder, of bounded size), and anything in it that is not
 * a letter for a question of the kit's own quiz is left out, never trusted.
 */
import path from 'node:path';
import type { Quiz } from '../course/quiz.js';
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
  const read = readView(quizAnswersFile(exerciseFolder), root ?? path.dirname(exerciseFolder));
  if (!read.ok) return read.absent ? { kind: 'none' } : { kind: 'refused', message: read.message };
  let data: unknown;
  try {
    data = JSON.parse(read.source);
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

/** The file's text for these answers, in the quiz's order. */
export function quizAnswersText(quiz: Quiz, answers: QuizAnswers): string {
  const letters: Record<string, string> = {};
  for (const question of quiz.questions) {
    const index = answers.get(question.id);
    if (index !== undefined) letters[question.id] = choiceLetter(index);
  }
  return `${JSON.stringify({ answers: letters }, null, 2)}\n`;
}
