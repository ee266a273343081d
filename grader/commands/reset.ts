/**
 * `npm run reset -- <slug>`: puts an exercise's stub back, keeping the learner's version beside it.
 *
 * The stub is taken from the kit's git history: the newest committed `view.ts` of the exercise in
 * which every handler still answers "Not implemented yet". The kit keeps no second copy of its
 * stubs, and a learner who committed their own work still gets the kit's stub, not their commit.
 */
import { spawnSync } from 'node:child_process';
import { constants, copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { displayPath } from '../grading/grade.js';
import type { ExerciseInfo } from '../manifest.js';
import { forgetGrading } from '../progress.js';
import { UsageError, type Command } from './args.js';
import { exerciseFolder, exerciseNamed, oneSlug } from './exercise-args.js';

const resetUsage = `Usage: npm run reset -- <slug> [--target <dir>]

Puts the exercise's stub back in <slug>/view.ts and keeps your version beside it as view.ts.bak
(then view.ts.bak.2, .3, ...: an earlier backup is never overwritten). The stub comes from the
kit's git history: the newest committed view.ts whose handlers all answer "Not implemented yet".

Options:
  --target <dir>   the folder of exercise folders (default: exercises)
  --help           show this help`;

/** What every untouched handler of a stub answers. */
const stubAnswer = 'Not implemented yet';

/** Why the stub could not be found: one line for the learner, and nothing was changed. */
class NoStub extends Error {}

function git(folder: string, args: string[]): string {
  const run = spawnSync('git', args, { cwd: folder, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  if (run.error) throw new NoStub(`git is not available (${run.error.message}): the stub is taken from the kit's git history`);
  if (run.status !== 0) {
    const why = run.stderr.split('\n').find((line) => line.trim() !== '')?.replace(/^fatal:\s*/, '') ?? `git exited with ${run.status}`;
    throw new NoStub(`git could not read the history of ${displayPath(folder)} (${why.trim()})`);
  }
  return run.stdout;
}

function occurrences(text: string, word: string): number {
  return text.split(word).length - 1;
}

/** The newest committed stub of the exercise, and the commit it comes from. */
export function findStub(folder: string, exercise: ExerciseInfo): { text: string; commit: string } {
  const relative = `${exercise.slug}/view.ts`;
  const handlers = exercise.routes.filter((route) => route.handler.startsWith('view:')).length;
  const commits = git(folder, ['log', '--format=%H', '--', relative]).split('\n').filter(Boolean);
  for (const commit of commits) {
    const shown = spawnSync('git', ['show', `${commit}:./${relative}`], { cwd: folder, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
    // The commit that deleted the file has no version of it.
    if (shown.status !== 0) continue;
    if (occurrences(shown.stdout, stubAnswer) === handlers) return { text: shown.stdout, commit };
  }
  const tried = commits.length === 0 ? 'no commit of it' : `none of its ${commits.length} commit(s)`;
  throw new NoStub(`no stub of ${relative} in git history (${tried} has all ${handlers} handler(s) answering "${stubAnswer}")`);
}

/** `view.ts.bak`, or the first of `view.ts.bak.2`, `.3`, ... not taken; copied without overwriting. */
function backUp(file: string): string {
  for (let number = 1; ; number++) {
    const backup = number === 1 ? `${file}.bak` : `${file}.bak.${number}`;
    try {
      copyFileSync(file, backup, constants.COPYFILE_EXCL);
      return backup;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}

async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { target: { type: 'string' }, help: { type: 'boolean' } },
  });
  if (values.help) {
    console.log(resetUsage);
    return 0;
  }
  const slug = oneSlug(positionals, 'npm run reset -- <slug>');
  if (slug === undefined) throw new UsageError('name the exercise to reset: npm run reset -- <slug>');
  const exercise = exerciseNamed(slug);
  const folder = exerciseFolder(values.target);
  const file = path.join(folder, slug, 'view.ts');
  let stub: { text: string; commit: string };
  try {
    stub = findStub(folder, exercise);
  } catch (error) {
    if (!(error instanceof NoStub)) throw error;
    console.error(`error: cannot reset ${slug}: ${error.message}; nothing was changed`);
    return 1;
  }
  const exists = existsSync(file);
  if (exists && readFileSync(file, 'utf8') === stub.text) {
    console.log(`${displayPath(file)} is already the stub: nothing to reset.`);
    return 0;
  }
  const backup = exists ? backUp(file) : null;
  mkdirSync(path.dirname(file), { recursive: true });
  const staging = `${file}.${process.pid}.tmp`;
  writeFileSync(staging, stub.text);
  renameSync(staging, file);
  forgetGrading(folder, slug);
  console.log(`Restored ${displayPath(file)} to its stub (commit ${stub.commit.slice(0, 7)}).`);
  console.log(backup ? `Your version is kept in ${displayPath(backup)}.` : 'There was no view.ts to keep.');
  return 0;
}

export const resetCommand: Command = { name: 'reset', summary: "put an exercise's stub back, keeping your version", run };
