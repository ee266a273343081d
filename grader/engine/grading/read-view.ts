/**
 * Reads a learner's `view.ts` without trusting the disk it sits on. A submission is a stranger's
 * folder: it may hold links that lead into the kit's solutions, a FIFO that blocks its reader
 * forever, a link to `/dev/zero` that never ends. Each of these is a verdict the learner can act
 * on; nothing outside the folder being graded is read, and nothing but a regular file is opened.
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readSync, realpathSync, type Stats } from 'node:fs';
import path from 'node:path';
import { displayPath } from '../paths.js';

/** A view is a few KiB of code; anything near this is not one, and it is never read whole. */
export const viewSizeLimit = 256 * 1024;

/** Why a view could not be read, as the exercise's status. */
export type ViewRefusal = 'missing-file' | 'not-a-file' | 'too-large';

export interface ViewRefused {
  ok: false;
  status: ViewRefusal;
  /** One line that names the file and what to fix. */
  message: string;
  /** Nothing at that path at all: the exercise was not handed in, rather than handed in wrong. */
  absent: boolean;
}

export type ViewRead = { ok: true; source: string } | ViewRefused;

/**
 * A view lives at `<folder>/<slug>/view.ts`: the folder being graded is two levels up (the
 * learner's `exercises/`, or the learner's folder in a class run).
 */
export function gradedFolderOf(file: string): string {
  return path.dirname(path.dirname(file));
}

/** Whether `child` lies below `parent` (a name that only starts with `..` is below). */
export function isInside(child: string, parent: string): boolean {
  const relative = path.relative(parent, child);
  return relative !== '' && relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? String(error);
}

function refused(status: ViewRefusal, message: string, absent = false): ViewRead {
  return { ok: false, status, message, absent };
}

function kibibytes(bytes: number): string {
  return `${Math.ceil(bytes / 1024)} KiB`;
}

const tooLarge = (file: string, bytes: number): ViewRead =>
  refused('too-large', `${displayPath(file)} is ${kibibytes(bytes)}; the limit is ${kibibytes(viewSizeLimit)}: a view needs a few KiB of code`);

/** What a file that is not a regular file is, in the learner's words. */
function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'a folder';
  if (stats.isFIFO()) return 'a named pipe (FIFO)';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  return 'a special file';
}

function notAFile(file: string, stats: Stats): ViewRead {
  return refused('not-a-file', `${displayPath(file)} is ${kindOf(stats)}, not a file: grading reads only a plain file with your code`);
}

/** Which link leads out: the file itself, or one of the folders on the way to it. */
function linkOut(file: string, root: string): ViewRead {
  const what = 'a link to a file outside your folder';
  let step = file;
  while (isInside(step, root)) {
    try {
      if (lstatSync(step).isSymbolicLink()) {
        const kind = step === file ? what : 'a link to a folder outside your folder';
        return refused('not-a-file', `${displayPath(step)} is ${kind}: grading reads only your own files`);
      }
    } catch {
      break;
    }
    step = path.dirname(step);
  }
  return refused('not-a-file', `${displayPath(file)} is ${what}: grading reads only your own files`);
}

/**
 * Reads an open regular file up to one byte past the limit, so that a file that grew after it was
 * checked is still caught.
 */
function readOpened(fd: number): { bytes: number; source: string } {
  const buffer = Buffer.allocUnsafe(viewSizeLimit + 1);
  let length = 0;
  while (length < buffer.length) {
    const count = readSync(fd, buffer, length, buffer.length - length, null);
    if (count === 0) break;
    length += count;
  }
  return { bytes: length, source: buffer.toString('utf8', 0, length) };
}

/**
 * No link is followed at the last step, and nothing waits for a writer: a file swapped for a link
 * or a FIFO after the checks above is refused by `fstat` below instead of blocking the grader.
 */
const openFlags = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

const changed = (file: string): ViewRead => refused('not-a-file', `${displayPath(file)} changed while it was read: grade it again`);

/** Reads the regular file at `real` (a path without links) if it is still the one `checked` described. */
function readChecked(file: string, real: string, checked: Stats): ViewRead {
  let fd: number;
  try {
    fd = openSync(real, openFlags);
  } catch (error) {
    if (errorCode(error) === 'ELOOP') return changed(file);
    return refused('missing-file', `${displayPath(file)} cannot be read (${errorCode(error)})`);
  }
  try {
    const opened = fstatSync(fd);
    if (!opened.isFile()) return notAFile(file, opened);
    if (opened.dev !== checked.dev || opened.ino !== checked.ino) return changed(file);
    if (opened.size > viewSizeLimit) return tooLarge(file, opened.size);
    const { bytes, source } = readOpened(fd);
    if (bytes > viewSizeLimit) return tooLarge(file, Math.max(bytes, opened.size));
    return { ok: true, source };
  } catch (error) {
    return refused('missing-file', `${displayPath(file)} cannot be read (${errorCode(error)})`);
  } finally {
    closeSync(fd);
  }
}

/**
 * Reads `file` as a view, or says why it will not: it must be a regular file of at most
 * `viewSizeLimit` bytes whose real path lies inside `root` (links that stay inside are followed).
 */
export function readView(file: string, root: string = gradedFolderOf(file)): ViewRead {
  let own: Stats;
  try {
    own = lstatSync(file);
  } catch (error) {
    const code = errorCode(error);
    if (code === 'ENOENT' || code === 'ENOTDIR') return refused('missing-file', `${displayPath(file)} is missing`, true);
    if (code === 'ELOOP') return refused('not-a-file', `${displayPath(file)} is reached through a loop of links: grading reads only a plain file with your code`);
    return refused('missing-file', `${displayPath(file)} cannot be read (${code})`);
  }
  let real: string;
  let rootReal: string;
  try {
    rootReal = realpathSync(root);
    real = realpathSync(file);
  } catch (error) {
    const code = errorCode(error);
    if (code === 'ENOENT') return refused('missing-file', `${displayPath(file)} is a link to a file that does not exist`);
    if (code === 'ELOOP') return refused('not-a-file', `${displayPath(file)} is a link that leads back to itself: grading reads only a plain file with your code`);
    return refused('missing-file', `${displayPath(file)} cannot be read (${code})`);
  }
  if (!isInside(real, rootReal)) return linkOut(file, root);
  let target: Stats;
  try {
    target = own.isSymbolicLink() ? lstatSync(real) : own;
  } catch (error) {
    return refused('missing-file', `${displayPath(file)} cannot be read (${errorCode(error)})`);
  }
  if (!target.isFile()) return notAFile(file, target);
  if (target.size > viewSizeLimit) return tooLarge(file, target.size);
  return readChecked(file, real, target);
}

/** The extensions of the files a view may import from its own folder (`grading/compile.ts`). */
export const ownExtensions = ['.ts', '.js'];

/**
 * Whether a file of an exercise's folder may be part of its view: watch and serve take a save of
 * one as a save of the view (an editor's hidden files, `.#view.ts`, are not).
 */
export function isViewCode(name: string): boolean {
  return ownExtensions.includes(path.extname(name)) && !name.endsWith('.d.ts') && !name.startsWith('.');
}

/**
 * What the code files beside a view hold, which it may import: each one's name and text (or why
 * it is not read), as one string to hash with the view's own text. Read as a view is.
 */
export function textBeside(file: string): string {
  const folder = path.dirname(file);
  let names: string[];
  try {
    names = readdirSync(folder).filter((name) => name !== path.basename(file) && isViewCode(name)).sort();
  } catch {
    return '';
  }
  return names
    .map((name) => {
      const read = readView(path.join(folder, name), folder);
      return `\0${name}\0${read.ok ? read.source : read.status}`;
    })
    .join('');
}
