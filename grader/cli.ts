/**
 * `npm run <command>`: the kit's command line. Exit codes: 0 when the command did its job
 * (whatever the score), 1 when `--fail-under` was not reached or a kit check found problems,
 * 2 for a usage error (bad flag, unknown slug, missing folder), with one line saying what to fix.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { flagsTakenByNpmLine, parseErrorLine, UsageError, type Command } from './commands/args.js';
import { CourseError } from './engine/course/manifest.js';
import { kitRoot } from './engine/paths.js';

/**
 * Every command, in the order help lists them: the learner's (`commands/`), then the instructor's
 * (`instructor/`, which a learner's copy does not hold). Each is loaded only when run: `npm run
 * grade` does not pay for loading the class grader, the release builder or the benchmark.
 */
const learnerCommands: Record<string, () => Promise<Command>> = {
  grade: async () => (await import('./commands/grade.js')).gradeCommand,
  watch: async () => (await import('./commands/watch.js')).watchCommand,
  hint: async () => (await import('./commands/hint.js')).hintCommand,
  list: async () => (await import('./commands/list.js')).listCommand,
  reset: async () => (await import('./commands/reset.js')).resetCommand,
  serve: async () => (await import('./commands/serve.js')).serveCommand,
  quiz: async () => (await import('./commands/quiz.js')).quizCommand,
};
/**
 * An instructor's module, by a path the type check does not follow: a learner's copy has no
 * `instructor/` folder, and its editor and type check must not report one missing.
 */
async function instructorModule(relative: string): Promise<Record<string, unknown>> {
  return (await import(/* @vite-ignore */ new URL(`./instructor/${relative}`, import.meta.url).href)) as Record<string, unknown>;
}
const instructorCommand = (file: string, name: string) => async (): Promise<Command> => (await instructorModule(`commands/${file}.js`))[name] as Command;
const instructorCommands: Record<string, () => Promise<Command>> = {
  check: instructorCommand('check', 'checkCommand'),
  bench: instructorCommand('bench', 'benchCommand'),
  'new-exercise': instructorCommand('new-exercise', 'newExerciseCommand'),
  release: instructorCommand('release', 'releaseCommand'),
  'package-gradescope': instructorCommand('package-gradescope', 'packageGradescopeCommand'),
};
const commands = { ...learnerCommands, ...instructorCommands };

/** Whether this copy of the kit holds the instructor's tools (a learner's copy does not). */
const hasInstructorTools = existsSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'instructor'));

/** `npm run grade -- --submissions …` and `npm run grade -- merge …` grade a class: the instructor's. */
function asksForClass(name: string, args: readonly string[]): boolean {
  return name === 'grade' && (args[0] === 'merge' || args.some((arg) => arg === '--submissions' || arg.startsWith('--submissions=')));
}

/** The class grader's command: `grade` with a class's flags. */
async function classCommand(): Promise<Command> {
  const classRun = (await instructorModule('commands/class.js')).classRun as (args: readonly string[]) => Promise<number> | null;
  return { name: 'grade', summary: 'grade a class', run: async (args) => (await classRun(args)) ?? 0 };
}

/** `npm run grade -- --help`: the learner's options, and the class's where the instructor's tools are. */
async function gradeHelp(): Promise<number> {
  const { gradeUsage } = await import('./commands/grade.js');
  console.log(gradeUsage);
  if (hasInstructorTools) console.log(`\n${String((await instructorModule('commands/class.js')).classUsage)}`);
  return 0;
}

/** `npm run help`: every command with what it does, learners' first, as npm runs it. */
async function help(): Promise<number> {
  const { scripts } = JSON.parse(readFileSync(path.join(kitRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  const scriptOf = (name: string): string | undefined =>
    Object.keys(scripts).find((script) => scripts[script]?.endsWith(`kit.mjs ${name}`));
  const available = hasInstructorTools ? Object.values(commands) : Object.values(learnerCommands);
  const loaded = await Promise.all(available.map((load) => load()));
  // A learner's copy has only the learner's scripts: the others are not listed there.
  const lines = loaded.flatMap((command) => {
    const script = scriptOf(command.name);
    return script ? [[`npm run ${script}`, command.summary] as const] : [];
  });
  const width = Math.max(...lines.map(([run]) => run.length));
  console.log('Each command takes -- --help for its options.\n');
  for (const [run, summary] of lines) console.log(`  ${run.padEnd(width)}  ${summary}`);
  return 0;
}

export async function main(argv: string[]): Promise<number> {
  const [name = 'grade', ...args] = argv;
  if (name === 'help') return help();
  if (name === 'grade' && args.includes('--help') && !asksForClass(name, args)) return gradeHelp();
  const instructors = Object.hasOwn(instructorCommands, name) || asksForClass(name, args);
  const load = asksForClass(name, args) ? classCommand : Object.hasOwn(commands, name) ? commands[name] : undefined;
  try {
    if (instructors && !hasInstructorTools) {
      throw new UsageError(`${asksForClass(name, args) ? 'grading a class' : `npm run ${name}`} is the instructor's: this learner's copy of the kit does not have it`);
    }
    if (!load) throw new UsageError(`no command "${name}": the commands are ${Object.keys(hasInstructorTools ? commands : learnerCommands).join(', ')}`);
    const takenByNpm = flagsTakenByNpmLine(name);
    if (takenByNpm) console.error(`warning: ${takenByNpm}`);
    return await (await load()).run(args);
  } catch (error) {
    const line = error instanceof UsageError || error instanceof CourseError ? error.message : parseErrorLine(error, name);
    if (line === null) throw error;
    console.error(`error: ${line.replace(/\s*\n\s*/g, ' ')}`);
    return 2;
  }
}
