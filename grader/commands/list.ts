/**
 * `npm run list`: every exercise in the course's order with its last verdict, its score and the
 * hints seen, and which one to do next. It reads what gradings recorded; it grades nothing.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readQuiz } from '../engine/course/quiz.js';
import { kitRoot } from '../engine/paths.js';
import { readQuizAnswers } from '../engine/grading/quiz-answers.js';
import { scoreQuiz } from '../engine/grading/quiz-score.js';
import { hintsSeen } from '../outputs/hints-shown.js';
import { manifest } from '../engine/course/manifest.js';
import { nextExercise, readProgress, type Progress } from '../outputs/progress.js';
import { styleFor, type Style } from '../outputs/report.js';
import { UsageError, type Command } from './args.js';

const listUsage = `Usage: npm run list

Lists every exercise in order with its status and score from its last grading (by npm run grade
or npm run watch on the kit's exercises folder), the hints you have seen, the quiz's points
(npm run quiz), and the next one to do.`;

function statusCell(status: string, style: Style): string {
  const cell = status.padEnd(14);
  if (status === 'passed') return style.green(cell);
  if (status === 'failed') return style.red(cell);
  if (status === 'not graded' || status === 'not-started') return style.dim(cell);
  return style.yellow(cell);
}

/** The exercise's quiz points from the answers in the kit's exercises folder: `-` before any answer, blank without a quiz. */
function quizCell(slug: string): string {
  const quiz = readQuiz(slug);
  if (!quiz) return '';
  const read = readQuizAnswers(path.join(kitRoot, 'exercises', slug), quiz);
  if (read.kind !== 'read' || read.answers.size === 0) return '-';
  const score = scoreQuiz(quiz, read.answers);
  return `${score.points}/${score.maxPoints}`;
}

/** The list as `npm run list` and the `l` key of `npm run watch` show it. */
export function renderList(progress: Progress, style: Style): string {
  const next = nextExercise(progress);
  const width = Math.max(...manifest.exercises.map((exercise) => exercise.slug.length));
  const lines = [style.bold(`   #  ${'exercise'.padEnd(width)}  level   ${'status'.padEnd(14)}  score  hints   quiz`)];
  for (const [index, exercise] of manifest.exercises.entries()) {
    const grade = progress.grades[exercise.slug];
    const marker = exercise.slug === next?.slug ? style.bold('→') : ' ';
    const score = (grade ? `${grade.score}/${grade.maxScore}` : '-').padStart(5);
    const hints = `${hintsSeen(exercise, progress)}/${exercise.hints.length}`.padStart(5);
    const number = String(index + 1).padStart(2);
    const quiz = quizCell(exercise.slug).padStart(6);
    lines.push(` ${marker}${number}  ${exercise.slug.padEnd(width)}  ${exercise.level.padEnd(6)}  ${statusCell(grade?.status ?? 'not graded', style)}  ${score}  ${hints} ${quiz}`.trimEnd());
  }
  const passed = manifest.exercises.filter((exercise) => progress.grades[exercise.slug]?.status === 'passed').length;
  const total = manifest.exercises.length;
  lines.push('');
  lines.push(
    next
      ? `${passed} of ${total} exercises passed. Next: ${style.bold(next.slug)} (exercises/${next.slug}/view.ts)`
      : style.green(`All ${total} exercises passed.`),
  );
  return lines.join('\n');
}

async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { help: { type: 'boolean' } } });
  if (values.help) {
    console.log(listUsage);
    return 0;
  }
  if (positionals.length > 0) throw new UsageError(`npm run list takes no exercise (got ${positionals.join(', ')}); to grade one: npm run grade -- <slug>`);
  console.log(renderList(readProgress(), styleFor(process.stdout)));
  return 0;
}

export const listCommand: Command = { name: 'list', summary: 'list the exercises with your progress and the next one', run };
