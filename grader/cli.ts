/**
 * `npm run <command>`: the kit's command line. Exit codes: 0 when the command did its job
 * (whatever the score), 1 when `--fail-under` was not reached or a kit check found problems,
 * 2 for a usage error (bad flag, unknown slug, missing folder), with one line saying what to fix.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadCourse } from './course.js';
import { defaultLimits, grade, type Limits } from './grading/grade.js';
import { checkKit } from './kit-check.js';
import { findExercise, manifest } from './manifest.js';
import { renderExercise, renderSummary, styleFor } from './report.js';
import { kitRoot } from './paths.js';

/** A mistake in how the command was called: exit 2 with this one line. */
export class UsageError extends Error {}

/** Paths on the command line are the user's: relative to where they typed `npm run`. */
function userPath(value: string): string {
  return path.resolve(process.env.INIT_CWD ?? process.cwd(), value);
}

function seconds(flag: string, value: string | undefined, fallbackMs: number): number {
  if (value === undefined) return fallbackMs;
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0) throw new UsageError(`--${flag} takes a number of seconds above 0, not "${value}"`);
  return Math.round(number * 1000);
}

function wholeNumber(flag: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < min || number > max) {
    throw new UsageError(`--${flag} takes a whole number from ${min} to ${max}, not "${value}"`);
  }
  return number;
}

const gradeUsage = `Usage: npm run grade -- [slug...] [options]

Grades your exercises and prints a report. With slugs, grades only those exercises.

Options:
  --target <dir>            the folder of exercise folders to grade (default: exercises)
  --json                    print the result document (JSON) instead of the report
  --fail-under <percent>    exit 1 when the total is below this percentage
  --request-timeout <s>     seconds one request may take (default: 2)
  --exercise-timeout <s>    seconds one exercise may take in all (default: 10)
  --heap-mb <MiB>           memory for your app's heap (default: 256)
  --no-typecheck            skip the type warnings (behaviour is graded either way)
  --help                    show this help`;

async function gradeCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      target: { type: 'string' },
      json: { type: 'boolean' },
      'fail-under': { type: 'string' },
      'request-timeout': { type: 'string' },
      'exercise-timeout': { type: 'string' },
      'heap-mb': { type: 'string' },
      'no-typecheck': { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    console.log(gradeUsage);
    return 0;
  }
  for (const slug of positionals) {
    if (!findExercise(slug)) {
      throw new UsageError(`no exercise "${slug}": the exercises are ${manifest.exercises.map((e) => e.slug).join(', ')}`);
    }
  }
  const target = values.target === undefined ? path.join(kitRoot, 'exercises') : userPath(values.target);
  if (!existsSync(target) || !statSync(target).isDirectory()) {
    throw new UsageError(`no folder ${target}: --target takes the folder that holds the exercise folders`);
  }
  const failUnder = values['fail-under'] === undefined ? null : wholeNumber('fail-under', values['fail-under'], 0, 0, 100);
  const limits: Limits = {
    requestTimeoutMs: seconds('request-timeout', values['request-timeout'], defaultLimits.requestTimeoutMs),
    exerciseTimeoutMs: seconds('exercise-timeout', values['exercise-timeout'], defaultLimits.exerciseTimeoutMs),
    heapMb: wholeNumber('heap-mb', values['heap-mb'], defaultLimits.heapMb, 16, 8192),
  };
  const style = styleFor(process.stdout);
  const exercises = await loadCourse(positionals);
  const result = await grade({
    target,
    exercises,
    limits,
    typecheck: !values['no-typecheck'],
    onExercise: values.json ? undefined : (exercise) => console.log(`${renderExercise(exercise, style)}\n`),
  });
  console.log(values.json ? JSON.stringify(result, null, 2) : renderSummary(result, style));
  const percent = result.maxScore === 0 ? 100 : (100 * result.score) / result.maxScore;
  return failUnder !== null && percent < failUnder ? 1 : 0;
}

const checkUsage = `Usage: npm run check

Proves the kit is sound: the manifest and the folders agree, every solution gets full marks, every
stub gets zero, every known mistake is caught by the checks it names, every correct variant gets
full marks, and lessons, hints and checks are well formed. Exits 1 with the list of problems.`;

async function checkCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { help: { type: 'boolean' } } });
  if (values.help) {
    console.log(checkUsage);
    return 0;
  }
  const style = styleFor(process.stdout);
  const report = await checkKit(defaultLimits);
  for (const line of report.proven) console.log(`${style.green('✔')} ${line}`);
  if (report.problems.length === 0) {
    console.log(style.bold('The kit is sound.'));
    return 0;
  }
  console.log(style.bold(`\n${report.problems.length} problem(s):`));
  for (const problem of report.problems) console.log(`${style.red('✘')} ${problem}`);
  return 1;
}

const benchUsage = `Usage: npm run bench -- [--runs <n>]

Measures grading speed against its floors, side by side in one run: median, min and max of each.
Prints a table and writes bench-results/latest.json.`;

async function benchCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { runs: { type: 'string' }, help: { type: 'boolean' } } });
  if (values.help) {
    console.log(benchUsage);
    return 0;
  }
  const runs = wholeNumber('runs', values.runs, 7, 1, 100);
  const { machineLine, renderFigures, runBench, writeFigures } = await import('./bench/bench.js');
  console.error(`Measuring on ${machineLine()}, ${runs} runs each…`);
  const figures = await runBench(runs);
  console.log(renderFigures(figures));
  console.log(`\nMachine: ${machineLine()}. Figures written to ${writeFigures(figures)}.`);
  return 0;
}

const commands: Record<string, (args: string[]) => Promise<number>> = {
  grade: gradeCommand,
  check: checkCommand,
  bench: benchCommand,
};

export async function main(argv: string[]): Promise<number> {
  const [name = 'grade', ...args] = argv;
  const command = commands[name];
  try {
    if (!command) throw new UsageError(`no command "${name}": the commands are ${Object.keys(commands).join(', ')}`);
    return await command(args);
  } catch (error) {
    const usage = error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    if (!usage) throw error;
    console.error(`error: ${(error as Error).message.replace(/\s*\n\s*/g, ' ')}`);
    return 2;
  }
}
