/**
 * The folder a class run unpacks zips into (`out/unpacked/`): the run's own, emptied at its start,
 * so that a zip is never unpacked beside the learner's work and a learner's folder is never
 * written to. Each learner gets a folder named after them, the same on every run, so the paths a
 * result names stay where they were.
 */
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { outputName } from './output-name.js';
import { unpackZip, ZipRefused } from './unzip.js';

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? String(error);
}

export class Staging {
  constructor(readonly dir: string) {}

  /** A new folder for learner `id`'s zips. */
  folderFor(id: string): string {
    mkdirSync(this.dir, { recursive: true });
    const base = path.join(this.dir, outputName(id));
    for (let suffix = 1; ; suffix += 1) {
      const folder = suffix === 1 ? base : `${base}-${suffix}`;
      try {
        mkdirSync(folder);
        return folder;
      } catch (error) {
        if (errorCode(error) !== 'EEXIST') throw error;
      }
    }
  }

  /**
   * Unpacks `zipFile` into `into`, a folder of this staging folder: null when done, else why not,
   * in one line; what was unpacked before a refusal is removed, so that it never looks graded.
   */
  unpack(zipFile: string, into: string): string | null {
    try {
      unpackZip(zipFile, into);
      return null;
    } catch (error) {
      rmSync(into, { recursive: true, force: true });
      if (error instanceof ZipRefused) return error.message;
      // A file and a folder of one name, a name too long for the disk: the zip, not the grader, is at fault.
      return `it cannot be unpacked (${errorCode(error)}): zip the folder again`;
    }
  }
}
