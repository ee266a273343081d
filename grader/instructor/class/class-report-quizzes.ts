/**
 * The class report's quiz section: per exercise, each question with how many learners chose each
 * choice, the right one marked, and the share who got it right, the least understood first.
 */
import { choiceLetter } from '../../engine/grading/quiz-answers.js';
import { htmlText } from '../../outputs/escape.js';
import type { QuestionFigures, QuizFigures } from './quiz-figures.js';

function choiceCells(question: QuestionFigures): string {
  return question.choices
    .map((choice, index) => {
      const count = question.chosen[index] ?? 0;
      const right = index === question.right;
      const label = `${choiceLetter(index)}${right ? ' ✓' : ''}`;
      return `<li class="${right ? 'right' : 'wrong'}" data-choice="${choiceLetter(index)}" data-learners="${count}"><b>${label}</b> ${count} <span class="choice">${htmlText(choice)}</span></li>`;
    })
    .join('');
}

function rightShare(question: QuestionFigures): number {
  return question.answered === 0 ? 1 : (question.chosen[question.right] ?? 0) / question.answered;
}

function questionRow(question: QuestionFigures): string {
  const right = question.chosen[question.right] ?? 0;
  const share = question.answered === 0 ? '–' : `${right} of ${question.answered} (${Math.round(100 * rightShare(question))}%)`;
  return (
    `<tr data-question="${htmlText(question.id)}"><td>${htmlText(question.prompt)} <span class="level">${question.level}</span></td>` +
    `<td class="num" data-right="${right}" data-answered="${question.answered}">${share}</td><td><ul class="choices">${choiceCells(question)}</ul></td></tr>`
  );
}

export function quizSection(quizzes: readonly QuizFigures[]): string[] {
  const parts = ['<h2>Quizzes</h2>'];
  if (quizzes.length === 0) {
    parts.push('<p class="none">No learner handed in quiz answers.</p>');
    return parts;
  }
  parts.push('<p class="legend">Per question, how many learners chose each answer (✓ the right one), the questions the class got right least often first: the ideas to teach again.</p>');
  for (const quiz of quizzes) {
    parts.push(
      `<h3>${htmlText(quiz.slug)} <span class="figure" data-quiz="${htmlText(quiz.slug)}" data-learners="${quiz.learners}">${quiz.learners} learner${quiz.learners === 1 ? '' : 's'}, mean ${quiz.meanPoints.toFixed(1)} / ${quiz.maxPoints} points</span></h3>`,
    );
    parts.push('<table class="quiz"><thead><tr><th>question</th><th class="num">right</th><th>answers</th></tr></thead><tbody>');
    const hardestFirst = [...quiz.questions].sort((a, b) => rightShare(a) - rightShare(b));
    parts.push(...hardestFirst.map(questionRow), '</tbody></table>');
  }
  return parts;
}
