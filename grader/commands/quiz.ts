/**
 * `npm run quiz -- <slug>`: the exercise's quiz, one question at a time. Each answer is saved at
 * once beside the view (`quiz-answers.json`, handed in with it) and is final: the explanation comes
 * right after it. Running it again goes on where the learner stopped; `--review` shows every
 * question answered, with its explanation.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readQuiz, type Quiz } from '../engine/course/quiz.js';
import { kitRoot } from '../engine/paths.js';
import { quizAnswersFile, quizAnswersText, readQuizAnswers, type QuizAnswers } from '../engine/grading/quiz-answers.js';
import { scoreQuiz } from '../engine/grading/quiz-score.js';
import { writeAtomic } from '../outputs/atomic-write.js';
import { nextExercise, readProgress } from '../outputs/progress.js';
import { answerText, questionText, scoreText } from '../outputs/quiz-screen.js';
import { styleFor } from '../outputs/report.js';
import { UsageError, type Command } from './args.js';
import { exerciseNamed, oneSlug } from './exercise-args.js';
import { keyInput, lineInput, type AnswerInput } from './quiz-input.js';

const quizUsage = `Usage: npm run quiz -- [slug] [--review]

Asks the exercise's quiz (by default the next exercise's), one question at a time: choose with the
arrow keys and Enter, or type a letter; through a pipe, one letter per line. Each answer is saved
at once in exercises/<slug>/quiz-answers.json, handed in with your view, and is final: the
explanation follows it. Run it again to go on where you stopped.

  --review   show each question you answered, your answer and why, without asking anything`;

function say(text: string): void {
  process.stdout.write(text);
}

const width = (): number => Math.max(40, Math.min(process.stdout.columns ?? 80, 100) - 1);

/** Draws the question in place on a terminal (each new arrow position redraws it); through a pipe, once. */
function drawer(interactive: boolean): (text: string) => void {
  let drawn = 0;
  return (text) => {
    if (interactive && drawn > 0) say(`\x1b[${drawn}A\x1b[J`);
    say(text);
    drawn = text.split('\n').length - 1;
  };
}

function review(quiz: Quiz, answers: QuizAnswers): void {
  const style = styleFor(process.stdout);
  quiz.questions.forEach((question, index) => {
    say(`${questionText(question, { index, of: quiz.questions.length }, null, style, width())}\n`);
    const chosen = answers.get(question.id);
    say(chosen === undefined ? `${style.dim('Not answered yet.')}\n\n` : `${answerText(question, chosen, quiz.answerOf(question.id), style, width())}\n`);
  });
}

async function ask(quiz: Quiz, answers: QuizAnswers, file: string, input: AnswerInput, interactive: boolean): Promise<void> {
  const style = styleFor(process.stdout);
  const left = quiz.questions.filter((question) => !answers.has(question.id));
  if (left.length < quiz.questions.length) say(style.dim(`${quiz.questions.length - left.length} of ${quiz.questions.length} answered already; going on.\n\n`));
  for (const question of left) {
    const index = quiz.questions.indexOf(question);
    const draw = drawer(interactive);
    const chosen = await input.choose(question.choices.length, (marked) => draw(questionText(question, { index, of: quiz.questions.length }, marked, style, width())));
    if (chosen === null) return;
    answers.set(question.id, chosen);
    writeAtomic(file, quizAnswersText(quiz, answers));
    if (interactive) draw(questionText(question, { index, of: quiz.questions.length }, chosen, style, width()));
    say(`\n${answerText(question, chosen, quiz.answerOf(question.id), style, width())}\n`);
    if (interactive && question !== left.at(-1)) {
      say(style.dim('Any key: next question · q: stop (your answers are kept)\n\n'));
      if (!(await input.next())) return;
    }
  }
}

async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { help: { type: 'boolean' }, review: { type: 'boolean' } } });
  if (values.help) {
    console.log(quizUsage);
    return 0;
  }
  const slug = oneSlug(positionals, 'npm run quiz -- <slug>');
  const exercise = slug === undefined ? nextExercise(readProgress()) : exerciseNamed(slug);
  if (!exercise) throw new UsageError('every exercise has passed: name the quiz to take, npm run quiz -- <slug>');
  const quiz = readQuiz(exercise.slug);
  if (!quiz) throw new UsageError(`${exercise.slug} has no quiz`);
  const folder = path.join(kitRoot, 'exercises', exercise.slug);
  const read = readQuizAnswers(folder, quiz);
  // A file that cannot be read is never written over: it may be the learner's only record.
  if (read.kind === 'refused') throw new UsageError(`${read.message}; move it away to start again`);
  const answers = read.kind === 'read' ? read.answers : new Map<string, number>();
  if (values.review) {
    review(quiz, answers);
  } else {
    const interactive = Boolean(process.stdin.isTTY && process.stdout.isTTY);
    const input = interactive ? keyInput(process.stdin) : lineInput(process.stdin, say);
    try {
      await ask(quiz, answers, quizAnswersFile(folder), input, interactive);
    } finally {
      input.close();
    }
  }
  say(scoreText(exercise.slug, scoreQuiz(quiz, answers), styleFor(process.stdout)));
  return 0;
}

export const quizCommand: Command = { name: 'quiz', summary: "answer an exercise's quiz, one question at a time", run };
