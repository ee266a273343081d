/**
 * An exercise's quiz as data. The instructor writes `solutions/<slug>/quiz.json`: ten questions,
 * each with its level, its choices, the right one, and why each choice is right or tempting. A
 * learner's copy gets `exercises/<slug>/quiz.json` from the release: the same questions with each
 * answer and its explanations sealed (`sealed-answers.ts`), so that opening the file shows none.
 * Grading always takes the key from the kit's own `solutions/`, never from a hand-in.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { kitRoot } from '../paths.js';
import { CourseError, isRecord, isText, levels, parseJson, type Level } from './manifest.js';
import { sealAnswer, unsealAnswer, type QuizAnswer } from './sealed-answers.js';

export type { QuizAnswer } from './sealed-answers.js';

/** What a learner sees of a question before answering. */
export interface QuizQuestion {
  /** Unique within the exercise, kebab-case: the answers a learner hands in are keyed by it. */
  id: string;
  level: Level;
  prompt: string;
  /** A handler or an execution table, shown monospace; null when the question has none. */
  code: string | null;
  choices: string[];
}

/** A quiz as the kit holds it: the questions, and their answers, open or sealed. */
export interface Quiz {
  slug: string;
  questions: QuizQuestion[];
  /** Whether the answers are the instructor's own (`solutions/`) rather than sealed in a copy. */
  open: boolean;
  /** The answer to a question of this quiz. */
  answerOf(id: string): QuizAnswer;
}

export const questionsPerQuiz = 10;
/** The points of a right answer, by level, as the course material grades its quizzes. */
export const quizPoints: Record<Level, number> = { easy: 1, medium: 2, hard: 3 };

export function openQuizFile(slug: string): string {
  return `solutions/${slug}/quiz.json`;
}

export function sealedQuizFile(slug: string): string {
  return `exercises/${slug}/quiz.json`;
}

const idShape = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function parse(text: string, relative: string): Record<string, unknown>[] {
  const data = parseJson(text, relative);
  const questions = isRecord(data) ? data.questions : undefined;
  if (!Array.isArray(questions) || !questions.every(isRecord)) throw new CourseError(`${relative} needs { "questions": [ { "id", "level", "prompt", "choices", … } ] }`);
  return questions;
}

/** The part of a question every form shares, checked for the shape the quiz needs. */
function questionOf(value: Record<string, unknown>, where: string): QuizQuestion {
  const { id, level, prompt, code, choices } = value;
  if (typeof id !== 'string' || !idShape.test(id)) throw new CourseError(`${where}: "id" is kebab-case words, for example "starts-at-one"`);
  if (!levels.includes(level as Level)) throw new CourseError(`${where} (${id}): "level" is "easy", "medium" or "hard"`);
  if (!isText(prompt)) throw new CourseError(`${where} (${id}) needs a "prompt"`);
  if (code !== undefined && !isText(code)) throw new CourseError(`${where} (${id}): "code" is text, or left out`);
  if (!Array.isArray(choices) || choices.length < 2) throw new CourseError(`${where} (${id}) needs "choices", a list of at least two`);
  const texts = choices.map((choice: unknown) => (isRecord(choice) ? choice.text : choice));
  if (!texts.every(isText)) throw new CourseError(`${where} (${id}): each choice needs its text`);
  return { id, level: level as Level, prompt, code: code ?? null, choices: texts };
}

/** The instructor's quiz, answers open: `solutions/<slug>/quiz.json`. */
export function parseOpenQuiz(slug: string, text: string): Quiz {
  const relative = openQuizFile(slug);
  const answers = new Map<string, QuizAnswer>();
  const questions = parse(text, relative).map((value, index) => {
    const where = `${relative}, question ${index + 1}`;
    const question = questionOf(value, where);
    const choices = value.choices as unknown[];
    const why = choices.map((choice) => (isRecord(choice) ? choice.why : undefined));
    if (!why.every(isText)) throw new CourseError(`${where} (${question.id}): every choice needs its "why", right or tempting`);
    const answer = value.answer;
    if (typeof answer !== 'number' || !Number.isInteger(answer) || answer < 0 || answer >= choices.length) {
      throw new CourseError(`${where} (${question.id}): "answer" is the index of the right choice, from 0 to ${choices.length - 1}`);
    }
    if (answers.has(question.id)) throw new CourseError(`${where}: the id "${question.id}" is taken by another question`);
    answers.set(question.id, { answer, why: why as string[] });
    return question;
  });
  return { slug, questions, open: true, answerOf: (id) => answers.get(id) ?? missingAnswer(relative, id) };
}

function missingAnswer(relative: string, id: string): never {
  throw new CourseError(`${relative} has no question "${id}"`);
}

/** A learner's copy's quiz: each question's answer sealed in `sealed`, opened when asked for. */
export function parseSealedQuiz(slug: string, text: string): Quiz {
  const relative = sealedQuizFile(slug);
  const sealed = new Map<string, string>();
  const questions = parse(text, relative).map((value, index) => {
    const question = questionOf(value, `${relative}, question ${index + 1}`);
    if (typeof value.sealed !== 'string') throw new CourseError(`${relative}, question ${index + 1} (${question.id}) has no sealed answer: release the copy again`);
    sealed.set(question.id, value.sealed);
    return question;
  });
  return {
    slug,
    questions,
    open: false,
    answerOf: (id) => {
      const box = sealed.get(id) ?? missingAnswer(relative, id);
      const opened = unsealAnswer(slug, id, box);
      if (!opened) throw new CourseError(`${relative}: the answer to "${id}" cannot be opened: release the copy again`);
      return opened;
    },
  };
}

/** The quiz as a learner's copy holds it, written by the release from the open one. */
export function sealedQuizText(quiz: Quiz): string {
  const questions = quiz.questions.map((question) => ({
    id: question.id,
    level: question.level,
    prompt: question.prompt,
    ...(question.code === null ? {} : { code: question.code }),
    choices: question.choices,
    sealed: sealAnswer(quiz.slug, question.id, quiz.answerOf(question.id)),
  }));
  return `${JSON.stringify({ questions }, null, 2)}\n`;
}

/**
 * The exercise's quiz in the kit at `root`: the instructor's when there is one, else the copy's
 * sealed one; null when the exercise has no quiz.
 */
export function readQuiz(slug: string, root: string = kitRoot): Quiz | null {
  const open = path.join(root, openQuizFile(slug));
  if (existsSync(open)) return parseOpenQuiz(slug, readFileSync(open, 'utf8'));
  const sealed = path.join(root, sealedQuizFile(slug));
  if (existsSync(sealed)) return parseSealedQuiz(slug, readFileSync(sealed, 'utf8'));
  return null;
}

/** The most a quiz is worth: its questions' points by level. */
export function quizMaxPoints(quiz: Quiz): number {
  return quiz.questions.reduce((sum, question) => sum + quizPoints[question.level], 0);
}
