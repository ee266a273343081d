/**
 * The class's quiz answers, question by question: how many learners chose each choice, so that a
 * teacher sees which idea the class has not got. Counted over the learners who answered that
 * question, whatever their code (a learner may hand in answers and no code). The questions'
 * words and right choices are the kit's own quiz, never a learner's.
 */
import { readQuiz, type Quiz } from '../../engine/course/quiz.js';
import { choiceIndex } from '../../engine/grading/quiz-answers.js';
import type { ClassEntry } from './gradebook.js';

export interface QuestionFigures {
  id: string;
  level: string;
  prompt: string;
  choices: string[];
  right: number;
  /** Learners per choice, in the order of the choices. */
  chosen: number[];
  answered: number;
}

export interface QuizFigures {
  slug: string;
  /** Learners who answered at least one of its questions. */
  learners: number;
  meanPoints: number;
  maxPoints: number;
  questions: QuestionFigures[];
}

/** Every exercise's quiz figures, in the course's order; an exercise whose quiz no learner took is left out. */
export function quizFigures(entries: readonly ClassEntry[], slugs: readonly string[], quizOf: (slug: string) => Quiz | null = readQuiz): QuizFigures[] {
  return slugs.flatMap((slug) => {
    const quiz = quizOf(slug);
    const results = entries.flatMap((entry) => entry.result.exercises.filter((exercise) => exercise.slug === slug && exercise.quiz && exercise.quiz.answered > 0).map((exercise) => exercise.quiz!));
    if (!quiz || results.length === 0) return [];
    const questions = quiz.questions.map((question): QuestionFigures => {
      const chosen = question.choices.map(() => 0);
      for (const result of results) {
        const given = result.questions.find((candidate) => candidate.id === question.id)?.chosen;
        const index = choiceIndex(given, question.choices.length);
        if (index !== null) chosen[index] = (chosen[index] ?? 0) + 1;
      }
      return { id: question.id, level: question.level, prompt: question.prompt, choices: question.choices, right: quiz.answerOf(question.id).answer, chosen, answered: chosen.reduce((sum, count) => sum + count, 0) };
    });
    const maxPoints = results[0]?.maxPoints ?? 0;
    return [{ slug, learners: results.length, meanPoints: results.reduce((sum, result) => sum + result.points, 0) / results.length, maxPoints, questions }];
  });
}
