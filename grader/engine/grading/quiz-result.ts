/**
 * The quiz part of an exercise's result: the answers handed in beside the view, scored against
 * the quiz the kit holds (never a quiz file handed in with the work).
 */
import type { Quiz } from '../course/quiz.js';
import type { QuizResult } from '../results.js';
import { choiceLetter, readQuizAnswers } from './quiz-answers.js';
import { scoreQuiz } from './quiz-score.js';

/** The quiz's result from `exerciseFolder`'s answers; `root` is the folder being graded. */
export function quizResultOf(quiz: Quiz, exerciseFolder: string, root: string): QuizResult {
  const read = readQuizAnswers(exerciseFolder, quiz, root);
  const score = scoreQuiz(quiz, read.kind === 'read' ? read.answers : new Map());
  return {
    points: score.points,
    maxPoints: score.maxPoints,
    answered: score.answered,
    refused: read.kind === 'refused' ? read.message : null,
    questions: score.questions.map((question) => ({ ...question, chosen: question.chosen === null ? null : choiceLetter(question.chosen) })),
  };
}
