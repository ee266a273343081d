import { parseArgs } from 'node:util';
import { loadCourse } from '../engine/course/course.js';
import { grade, HostPool } from '../engine/grading/grade.js';
import { recordGrading } from '../outputs/progress.js';
import { renderExercise, renderQuizSummary, renderSummary, renderWarnings, styleFor } from '../outputs/report.js';
import { totalsOf, type ExerciseResult } from '../engine/results.js';
import { wholeNumber, type Command } from './args.js';
import { exerciseFolder, exerciseNamed, isolationAvailable, limitOptions, limitsFrom } from './exercise-args.js';

export const gradeUsage = `Usage: npm run grade -- [slug...] [options]

Grades your exercises and prints a report. With slugs, grades only those exercises.

Options:
  --target <dir>            the folder of exercise folders to grade (default: exercises)
  --json                    print the result document (JSON) instead of the report
  --fail-under <percent>    exit 1 when the total is below this percentage
  --request-timeout <s>     seconds one request may take (default: 2)
  --exercise-timeout <s>    seconds one exercise may take in all (default: 10)
  --heap-mb <MiB>           memory for your app's heap (default: 256)
  --isolation <level>       how your app is sealed off: bwrap, uid or permission-model
                            (default: the strongest this machine has)
  --no-typecheck            skip the type warnings (behaviour is graded either way)
  --help                    show this help`;

const waitingLine = 'checking types…';

async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      target: { type: 'string' },
      json: { type: 'boolean' },
      'fail-under': { type: 'string' },
      ...limitOptions,
      'no-typecheck': { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    console.log(gradeUsage);
    return 0;
  }
  for (const slug of positionals) exerciseNamed(slug);
  const target = exerciseFolder(values.target);
  const failUnder = values['fail-under'] === undefined ? null : wholeNumber('fail-under', values['fail-under'], 0, 0, 100);
  const limits = limitsFrom(values);
  await isolationAvailable();
  // The sandbox host starts while the checks load: it is the slowest thing to get ready.
  const pool = HostPool.sandboxes(limits.heapMb);
  pool.warm();
  const style = styleFor(process.stdout);
  const exercises = await loadCourse(positionals);
  const typecheck = !values['no-typecheck'];
  const graded: ExerciseResult[] = [];
  const waiting = typecheck && !values.json && process.stdout.isTTY;
  // The kit's own exercises folder is the learner's: `npm run list` shows these verdicts.
  const recordAndTotal = (): void => {
    recordGrading(target, graded);
    console.log(renderSummary({ ...totalsOf(graded), exercises: graded }, style));
    const quizzes = renderQuizSummary({ exercises: graded }, style);
    if (quizzes) console.log(quizzes);
  };
  // The report follows the verdicts as they come, the total with the last one; the type errors,
  // which cost no points, come after it when the type check is ready.
  const onVerdict = (exercise: ExerciseResult): void => {
    graded.push(exercise);
    console.log(`${renderExercise(exercise, style)}\n`);
    if (graded.length < exercises.length) return;
    recordAndTotal();
    if (waiting) process.stdout.write(style.dim(waitingLine));
  };
  // Without its compiler, or when it fails, the type check would only go quiet: say so.
  const onTypesFailed = (error: Error): void => console.error(`No type errors shown: ${error.message}.`);
  const result = await grade({ target, exercises, limits, typecheck, onTypesFailed, onExercise: values.json ? undefined : onVerdict, pool }).finally(() =>
    pool.close(),
  );
  if (values.json) {
    recordGrading(target, result.exercises);
    console.log(JSON.stringify(result, null, 2));
  } else if (exercises.length === 0) {
    recordAndTotal();
  } else {
    if (waiting) process.stdout.write(`\r${' '.repeat(waitingLine.length)}\r`);
    const warnings = renderWarnings(result.exercises, style);
    if (warnings) console.log(`\n${warnings}`);
  }
  const percent = result.maxScore === 0 ? 100 : (100 * result.score) / result.maxScore;
  return failUnder !== null && percent < failUnder ? 1 : 0;
}

export const gradeCommand: Command = { name: 'grade', summary: 'grade your exercises and print a report', run };
