/** The folders of a hand-in test, new for each test: a class's submissions and a run's staging folder. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface HandInFolders {
  work: string;
  /** The class: one folder or zip per learner. */
  subs: string;
  /** Where a run unpacks zips (`<out>/unpacked`). */
  staging: string;
}

export function handInFolders(prefix: string): HandInFolders {
  const work = mkdtempSync(path.join(tmpdir(), prefix));
  const subs = path.join(work, 'subs');
  mkdirSync(subs);
  return { work, subs, staging: path.join(work, 'out', 'unpacked') };
}

/** Writes `text` to `file`, making its folders. */
export function write(file: string, text: string | Buffer): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}
