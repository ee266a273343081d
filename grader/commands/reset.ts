/**
 * `npm run reset -- <slug>`: puts an exercise's stub back, keeping the learner's version beside it.
 * The stub is the one the course hands out (`exercises/<slug>/.stub/view.ts`, see
 * `release/stubs.ts`), so reset works the same in the kit and in a learner's copy, with or
 * without git, whatever the learner committed.
 */
import { constants, copyFileSync, existsSync, lstatSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { displayPath } from '../engine/paths.js';
import { forgetGrading } from '../outputs/progress.js';
import { readStub, stubPath } from '../engine/course/stubs.js';
import { UsageError, type Command } from './args.js';
import { exerciseFolder, exerciseNamed, oneSlug } from './exercise-args.js';

const resetUsage = `Usage: npm run reset -- <slug> [--target <dir>]

Puts the exercise's stub back in <slug>/view.ts and keeps your version beside it as view.ts.bak
(then view.ts.bak.2, .3, ...: an earlier backup is never overwritten). The stub is the one the
course hands out, kept in exercises/<slug>/.stub/view.ts.

Options:
  --target <dir>   the folder of exercise folders (default: exercises)
  --help           show this help`;

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

/** Why reset cannot go ahead, in one line, or null. */
function refusal(file: string, stub: string | null, slug: string): string | null {
  if (stub === null) return `the kit has no stub for ${slug} (${stubPath(slug)} is missing)`;
  // A folder, a link or a pipe in view.ts's place is not a version that a copy would keep whole.
  const found = lstatSync(file, { throwIfNoEntry: false });
  if (found && !found.isFile()) return `${displayPath(file)} is not a plain file: move it out of the way, then reset again`;
  return null;
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
  exerciseNamed(slug);
  const folder = exerciseFolder(values.target);
  const file = path.join(folder, slug, 'view.ts');
  const stub = readStub(slug);
  const refused = refusal(file, stub, slug);
  if (refused !== null || stub === null) {
    console.error(`error: cannot reset ${slug}: ${refused}; nothing was changed`);
    return 1;
  }
  const exists = existsSync(file);
  if (exists && readFileSync(file, 'utf8') === stub) {
    console.log(`${displayPath(file)} is already the stub: nothing to reset.`);
    return 0;
  }
  const backup = exists ? backUp(file) : null;
  mkdirSync(path.dirname(file), { recursive: true });
  const staging = `${file}.${process.pid}.tmp`;
  writeFileSync(staging, stub);
  renameSync(staging, file);
  forgetGrading(folder, slug);
  console.log(`Restored ${displayPath(file)} to its stub.`);
  console.log(backup ? `Your version is kept in ${displayPath(backup)}.` : 'There was no view.ts to keep.');
  return 0;
}

export const resetCommand: Command = { name: 'reset', summary: "put an exercise's stub back, keeping your version", run };
