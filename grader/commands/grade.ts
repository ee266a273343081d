import { parseArgs } from 'node:util';
import { loadCourse } from '../course.js';
import { grade, HostPool } from '../grading/grade.js';
import { recordGrading } from '../progress.js';
import { renderExercise, renderSummary, styleFor } from '../report.js';
import { classRun, classUsage } from '../batch/dispatch.js';
import { wholeNumber, type Command } from './args.js';
import { exerciseFolder, exerciseNamed, isolationAvailable, limitOptions, limitsFrom } from './exercise-args.js';

const gradeUsage = `Usage: npm run grade -- [slug...] [options]

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
  --help                    show this help

${classUsage}`;

async function run(args: string[]): Promise<number> {
  const forClass = classRun(args);
  if (forClass) return forClass;
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
  const result = await grade({
    target,
    exercises,
    limits,
    typecheck: !values['no-typecheck'],
    onExercise: values.json ? undefined : (exercise) => console.log(`${renderExercise(exercise, style)}\n`),
    pool,
  }).finally(() => pool.close());
  // The kit's own exercises folder is the learner's: `npm run list` shows these verdicts.
  recordGrading(target, result.exercises);
  console.log(values.json ? JSON.stringify(result, null, 2) : renderSummary(result, style));
  const percent = result.maxScore === 0 ? 100 : (100 * result.score) / result.maxScore;
  return failUnder !== null && percent < failUnder ? 1 : 0;
}

export const gradeCommand: Command = { name: 'grade', summary: 'grade your exercises and print a report', run };
