/**
 * What every command shares for its flags: usage errors (exit 2, one line), numbers, and paths
 * taken from where the user typed the command.
 */
import path from 'node:path';

/** A mistake in how the command was called: exit 2 with this one line. */
export class UsageError extends Error {}

/** A command of `npm run <name>`. */
export interface Command {
  name: string;
  /** One line for the list of commands. */
  summary: string;
  /** Runs with the arguments after the command's name; resolves to the exit code. */
  run(args: string[]): Promise<number>;
}

/** Paths on the command line are the user's: relative to where they typed `npm run`. */
export function userPath(value: string): string {
  return path.resolve(process.env.INIT_CWD ?? process.cwd(), value);
}

export function seconds(flag: string, value: string | undefined, fallbackMs: number): number {
  if (value === undefined) return fallbackMs;
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0) throw new UsageError(`--${flag} takes a number of seconds above 0, not "${value}"`);
  return Math.round(number * 1000);
}

export function wholeNumber(flag: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < min || number > max) {
    throw new UsageError(`--${flag} takes a whole number from ${min} to ${max}, not "${value}"`);
  }
  return number;
}


/** How the user runs a command's help, as npm runs it. */
export function helpOf(command: string): string {
  return `npm run ${command} -- --help`;
}

/** Flags only a class run takes (`npm run grade -- --submissions …`): meaningless without it. */
const classFlags = ['out', 'resume', 'shard', 'format', 'hidden-visibility', 'jobs', 'typecheck'];

/** The flag a parse error names (`--bogus`, `-x`), or null. */
function flagIn(message: string): string | null {
  return /'(-{1,2}[^' <]+)/.exec(message)?.[1] ?? null;
}

/**
 * A parse error of `node:util`'s `parseArgs` (code `ERR_PARSE_ARGS_*`) in the kit's words: one
 * line, saying what to fix and where the options are listed. Null for any other error.
 */
export function parseErrorLine(error: unknown, command: string): string | null {
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string' || !code.startsWith('ERR_PARSE_ARGS')) return null;
  const message = error instanceof Error ? error.message : String(error);
  const flag = flagIn(message);
  const help = `${helpOf(command)} lists the options`;
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && flag) {
    const name = flag.replace(/^-+/, '').split('=')[0] ?? '';
    if (command === 'grade' && classFlags.includes(name)) {
      return `--${name} is for grading a class: add --submissions <dir> --out <dir> (${helpOf('grade')} lists the class options)`;
    }
    return `npm run ${command} has no option ${flag}: ${help}`;
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && flag) {
    if (message.includes('does not take an argument')) return `${flag} takes no value (write ${flag} alone): ${help}`;
    return `${flag} needs a value after it (for example ${flag} <value>; one that starts with "-" as ${flag}=<value>): ${help}`;
  }
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
    const argument = /'([^']*)'/.exec(message)?.[1] ?? '';
    return `npm run ${command} takes no "${argument}": ${help}`;
  }
  return `${message.replace(/\s*\n\s*/g, ' ')}: ${help}`;
}

/**
 * The kit's options that npm took for itself: `npm run grade --json` (no `--`) gives npm the
 * `--json`, which npm hands on only as `npm_config_json=true` in the environment, and the kit
 * would grade as if it had not been asked. Only names npm has no use for itself are looked at
 * (and `json`, which npm uses only for its own commands' output).
 */
const kitFlags = [
  'json', 'target', 'fail-under', 'request-timeout', 'exercise-timeout', 'heap-mb', 'isolation', 'typecheck', 'port',
  'submissions', 'out', 'resume', 'shard', 'format', 'hidden-visibility', 'jobs',
];

export function flagsTakenByNpm(env: NodeJS.ProcessEnv = process.env): string[] {
  if (env.npm_lifecycle_event === undefined) return [];
  return kitFlags.flatMap((flag) => {
    const value = env[`npm_config_${flag.replace(/-/g, '_')}`];
    if (value === undefined) return [];
    if (value === 'true') return [`--${flag}`];
    if (value === '' || value === 'false') return [`--no-${flag}`];
    return [`--${flag} ${value}`];
  });
}

/**
 * The line that says so, or null when npm took none of the kit's options. A warning, not a
 * refusal: the same variables come from a shell that exports them for other tools (node-gyp's
 * `npm_config_target`), and the kit cannot tell the two apart.
 */
export function flagsTakenByNpmLine(command: string, env: NodeJS.ProcessEnv = process.env): string | null {
  const flags = flagsTakenByNpm(env);
  if (flags.length === 0) return null;
  const names = flags.map((flag) => `npm_config_${(flag.split(' ')[0] ?? '').replace(/^--(no-)?/, '').replace(/-/g, '_')}`);
  return `npm kept ${flags.join(' ')} for itself (or your environment sets ${names.join(', ')}), so the kit runs without: options for the kit go after --, as in npm run ${command} -- ${flags.join(' ')}`;
}
