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

