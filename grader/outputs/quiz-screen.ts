/**
 * What the quiz shows: a question with its choices, what an answer earned and why, and the score
 * by level. Plain text with optional colour, the same whether the quiz is taken with the arrow
 * keys or through a pipe, wrapped to the terminal's width.
 */
import { levels } from '../engine/course/manifest.js';
import { quizPoints, type QuizAnswer, type QuizQuestion } from '../engine/course/quiz.js';
import { choiceLetter } from '../engine/grading/quiz-answers.js';
import type { QuizScore } from '../engine/grading/quiz-score.js';
import type { Style } from './report.js';

/** `text` wrapped at `width` columns, each line after the first starting with `indent`. */
export function wrap(text: string, width: number, indent = ''): string {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(' ')) {
      const room = width - (lines.length === 0 && line === '' ? 0 : indent.length);
      if (line !== '' && line.length + 1 + word.length > room) {
        lines.push(line);
        line = word;
      } else {
        line = line === '' ? word : `${line} ${word}`;
      }
    }
    lines.push(line);
  }
  return lines.map((line, index) => (index === 0 ? line : `${indent}${line}`)).join('\n');
}

function pointsWord(points: number): string {
  return `${points} point${points === 1 ? '' : 's'}`;
}

/** The question, numbered, with its code and lettered choices; `marked` is the choice the arrow is on (null through a pipe). */
export function questionText(question: QuizQuestion, position: { index: number; of: number }, marked: number | null, style: Style, width: number): string {
  const heading = style.bold(`Question ${position.index + 1} of ${position.of}`) + style.dim(` · ${question.level}, ${pointsWord(quizPoints[question.level])}`);
  const lines = [heading, '', wrap(question.prompt, width)];
  if (question.code !== null) lines.push('', ...question.code.split('\n').map((line) => `    ${line}`));
  lines.push('');
  question.choices.forEach((choice, index) => {
    const pointer = marked === null ? '  ' : index === marked ? '> ' : '  ';
    const line = `${pointer}${choiceLetter(index)}. ${wrap(choice, width - 5, '     ')}`;
    lines.push(index === marked ? style.bold(line) : line);
  });
  return `${lines.join('\n')}\n`;
}

/** What the answer given earned, and why: the choice given's explanation, then the right one's when it differs. */
export function answerText(question: QuizQuestion, chosen: number, answer: QuizAnswer, style: Style, width: number): string {
  const right = chosen === answer.answer;
  const verdict = right
    ? style.green(`Right: ${choiceLetter(chosen)}. +${pointsWord(quizPoints[question.level])}`)
    : style.red(`Not this one: you chose ${choiceLetter(chosen)}, the answer is ${choiceLetter(answer.answer)}.`);
  // The verdict line says "Right" already; the right choice's explanation need not say it again.
  const why = (index: number): string => (answer.why[index] ?? '').replace(/^Right[:.,]\s*/, '').replace(/^./, (first) => first.toUpperCase());
  const lines = [verdict, wrap(`${choiceLetter(chosen)}. ${why(chosen)}`, width, '   ')];
  if (!right) lines.push(wrap(`${choiceLetter(answer.answer)}. ${why(answer.answer)}`, width, '   '));
  return `${lines.join('\n')}\n`;
}

/** The score by level, then in all; what is left to answer, if anything. */
export function scoreText(slug: string, score: QuizScore, style: Style): string {
  const lines = [style.bold(`Quiz of ${slug}: ${score.points}/${score.maxPoints} points, ${score.right} of ${score.questions.length} right`)];
  for (const level of levels) {
    const { right, questions, points, maxPoints } = score.byLevel[level];
    if (questions > 0) lines.push(`  ${level.padEnd(7)}${right}/${questions} right  ${points}/${maxPoints} points`);
  }
  const left = score.questions.length - score.answered;
  if (left > 0) lines.push(style.yellow(`${left} question${left === 1 ? '' : 's'} not answered yet: npm run quiz -- ${slug} goes on where you stopped.`));
  return `${lines.join('\n')}\n`;
}
