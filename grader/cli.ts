/**
 * `npm run <command>`: the kit's command line. Exit codes: 0 when the command did its job
 * (whatever the score), 1 when `--fail-under` was not reached or a kit check found problems,
 * 2 for a usage error (bad flag, unknown slug, missing folder), with one line saying what to fix.
 */
import { UsageError, type Command } from './commands/args.js';
import { benchCommand } from './commands/bench.js';
import { checkCommand } from './commands/check.js';
import { gradeCommand } from './commands/grade.js';
import { hintCommand } from './commands/hint.js';
import { listCommand } from './commands/list.js';
import { newExerciseCommand } from './commands/new-exercise.js';
import { releaseCommand } from './commands/release.js';
import { resetCommand } from './commands/reset.js';
import { serveCommand } from './commands/serve.js';
import { watchCommand } from './commands/watch.js';
import { packageGradescopeCommand } from './batch/package-gradescope.js';

/** Every command, in the order `npm run` help would list them. */
const commands: Command[] = [gradeCommand, watchCommand, hintCommand, listCommand, resetCommand, serveCommand, checkCommand, benchCommand, newExerciseCommand, releaseCommand, packageGradescopeCommand];

export async function main(argv: string[]): Promise<number> {
  const [name = 'grade', ...args] = argv;
  const command = commands.find((candidate) => candidate.name === name);
  try {
    if (!command) throw new UsageError(`no command "${name}": the commands are ${commands.map((c) => c.name).join(', ')}`);
    return await command.run(args);
  } catch (error) {
    const usage = error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    if (!usage) throw error;
    console.error(`error: ${(error as Error).message.replace(/\s*\n\s*/g, ' ')}`);
    return 2;
  }
}
