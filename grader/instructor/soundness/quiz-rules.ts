/**
 * What the kit check asks of an exercise's quiz (`solutions/<slug>/quiz.json`): ten questions,
 * levels spread, three to five choices each with exactly one right and every choice explained,
 * and code that fits the terminal the quiz is taken in. The quiz's reader refuses a malformed file
 * in one line; these rules judge a well-formed one.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CourseError, levels } from '../../engine/course/manifest.js';
import { choiceLetter } from '../../engine/grading/quiz-answers.js';
import { openQuizFile, parseOpenQuiz, questionsPerQuiz, type Quiz } from '../../engine/course/quiz.js';
import { kitRoot } from '../../engine/paths.js';

/** Each level has at least this many questions: a quiz is spread across easy, medium and hard. */
const leastPerLevel = 2;
const choicesAllowed = { least: 3, most: 5 };
/** The quiz prints code indented by four columns in an 80-column terminal. */
const codeWidth = 76;
const choiceWidth = 72;

export function quizShapeProblems(quiz: Quiz): string[] {
  const file = openQuizFile(quiz.slug);
  const problems: string[] = [];
  if (quiz.questions.length !== questionsPerQuiz) problems.push(`${file} has ${quiz.questions.length} questions: a quiz has ${questionsPerQuiz}`);
  for (const level of levels) {
    const count = quiz.questions.filter((question) => question.level === level).length;
    if (count < leastPerLevel) problems.push(`${file} has ${count} ${level} question${count === 1 ? '' : 's'}: spread the ten across easy, medium and hard (at least ${leastPerLevel} of each)`);
  }
  for (const question of quiz.questions) {
    const where = `${file} (${question.id})`;
    const { least, most } = choicesAllowed;
    if (question.choices.length < least || question.choices.length > most) problems.push(`${where} has ${question.choices.length} choices: give ${least} to ${most}`);
    const repeated = question.choices.find((choice, index) => question.choices.indexOf(choice) !== index);
    if (repeated !== undefined) problems.push(`${where} offers "${repeated}" twice`);
    const wide = (question.code ?? '').split('\n').findIndex((line) => line.length > codeWidth);
    if (wide !== -1) problems.push(`${where}: line ${wide + 1} of its code is wider than ${codeWidth} characters, more than the terminal shows`);
    const long = question.choices.find((choice) => choice.length > choiceWidth || choice.includes('\n'));
    if (long !== undefined) problems.push(`${where}: the choice "${long.slice(0, 30)}…" is longer than one line of ${choiceWidth} characters`);
    const why = quiz.answerOf(question.id).why;
    const unexplained = why.findIndex((text) => text.trim().length < 10);
    if (unexplained !== -1) problems.push(`${where}: choice ${choiceLetter(unexplained)} needs a real "why"`);
  }
  return problems;
}

/** The quiz's problems, or that it is missing; every exercise has a quiz. */
export function quizProblems(slug: string, root: string = kitRoot): string[] {
  const file = path.join(root, openQuizFile(slug));
  if (!existsSync(file)) return [`${openQuizFile(slug)} is missing: every exercise ends in a quiz of ${questionsPerQuiz} questions (npm run new-exercise writes one to fill)`];
  try {
    return quizShapeProblems(parseOpenQuiz(slug, readFileSync(file, 'utf8')));
  } catch (error) {
    if (error instanceof CourseError) return [error.message];
    throw error;
  }
}
