/**
 * A quiz's score: points for each right answer by the question's level, reported apart from the
 * code's checks. The key is the quiz given, which grading takes from the kit's own course.
 */
import type { Level } from '../course/manifest.js';
import { quizPoints, type Quiz } from '../course/quiz.js';
import type { QuizAnswers } from './quiz-answers.js';

export interface QuestionScore {
  id: string;
  level: Level;
  /** The index of the choice given, or null when the question was not answered. */
  chosen: number | null;
  right: boolean;
  points: number;
  maxPoints: number;
}

export interface LevelScore {
  right: number;
  questions: number;
  points: number;
  maxPoints: number;
}

export interface QuizScore {
  points: number;
  maxPoints: number;
  answered: number;
  right: number;
  byLevel: Record<Level, LevelScore>;
  questions: QuestionScore[];
}

export function scoreQuiz(quiz: Quiz, answers: QuizAnswers): QuizScore {
  const byLevel: Record<Level, LevelScore> = {
    easy: { right: 0, questions: 0, points: 0, maxPoints: 0 },
    medium: { right: 0, questions: 0, points: 0, maxPoints: 0 },
    hard: { right: 0, questions: 0, points: 0, maxPoints: 0 },
  };
  const questions = quiz.questions.map((question): QuestionScore => {
    const chosen = answers.get(question.id) ?? null;
    const right = chosen !== null && chosen === quiz.answerOf(question.id).answer;
    const maxPoints = quizPoints[question.level];
    const level = byLevel[question.level];
    level.questions += 1;
    level.maxPoints += maxPoints;
    if (right) {
      level.right += 1;
      level.points += maxPoints;
    }
    return { id: question.id, level: question.level, chosen, right, points: right ? maxPoints : 0, maxPoints };
  });
  return {
    points: questions.reduce((sum, question) => sum + question.points, 0),
    maxPoints: questions.reduce((sum, question) => sum + question.maxPoints, 0),
    answered: questions.filter((question) => question.chosen !== null).length,
    right: questions.filter((question) => question.right).length,
    byLevel,
    questions,
  };
}
