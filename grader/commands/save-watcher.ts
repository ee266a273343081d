/**
 * Tells `npm run watch` which exercise was saved, however the save was made: written in place,
 * written beside and renamed over (`sed -i`, Emacs, JetBrains, `npm run reset`), deleted and
 * created again, or its whole folder replaced.
 *
 * Why not a recursive `fs.watch`: Node 20's watches each file it found at the start, so once a
 * save replaces a file it never reports that exercise again; Node 24's lost an exercise folder
 * that another was moved in place of (watch-saves.test.ts has both). Why not chokidar: v6 needs
 * Node 22.22; v5 (2 packages, 144 KiB), on Node 20, went deaf to a folder holding only its
 * view.ts, deleted and made again at once, in 7 of 10 tries. So a watch that cannot go stale on
 * a replaced file: one non-recursive `fs.watch` on the exercises folder and one on each exercise
 * folder, which names any file saved inside it whatever its inode, re-armed when the exercises
 * folder says an exercise folder came or went. Under it, a look at each exercise's code files
 * once a second (a stat each, about 0.2 s of processor time a minute) catches what no event told
 * of: a folder that reports no changes (some shared and network folders), a write through a hard
 * link from elsewhere, a watch that could not be had.
 */
import { readdirSync, statSync, watch, type FSWatcher } from 'node:fs';
import path from 'node:path';
import { isViewCode } from '../engine/grading/read-view.js';

/** How often the net looks: a save no event told of is graded within this, at a cost of a few stats. */
const pollMs = 1000;

/** One exercise folder's watch, and what its code files looked like when last seen. */
interface Armed {
  watcher: FSWatcher | null;
  /** Which folder was armed (see `identityOf`): another one in its place is a replaced folder. */
  folder: string | null;
  seen: string;
}

export class SaveWatcher {
  private top: FSWatcher | null = null;
  private topFolder: string | null = null;
  private readonly armed = new Map<string, Armed>();
  private poll: NodeJS.Timeout | null = null;
  private closed = false;

  /**
   * Watches `folder`'s exercise folders named by `slugs`; `saved` gets a slug each time its
   * `view.ts` or a code file beside it may have changed, `broken` a reason when watching stopped.
   */
  constructor(
    private readonly folder: string,
    private readonly slugs: readonly string[],
    private readonly saved: (slug: string) => void,
    private readonly broken: (reason: string) => void,
  ) {}

  start(): void {
    this.armTop();
    for (const slug of this.slugs) this.arm(slug);
    this.poll = setInterval(() => this.look(), pollMs);
    this.poll.unref();
  }

  close(): void {
    this.closed = true;
    if (this.poll) clearInterval(this.poll);
    this.top?.close();
    for (const armed of this.armed.values()) armed.watcher?.close();
  }

  private armTop(): void {
    this.top?.close();
    this.topFolder = identityOf(this.folder);
    try {
      this.top = watch(this.folder, (_event, name) => this.topChanged(name === null ? null : String(name)));
      this.top.on('error', (error) => this.topFailed(error));
    } catch (error) {
      this.topFailed(error as Error);
    }
  }

  private topFailed(error: Error): void {
    this.top?.close();
    this.top = null;
    // The folder gone for a moment is not an error: the net re-arms it when it is back.
    if (identityOf(this.folder) !== null) this.broken(error.message);
  }

  /**
   * Something of the exercises folder changed: an exercise folder that appeared, went or was
   * replaced has a stale watch, and maybe another view. Only a change of folder or of its code
   * files is a save: a folder's own times or modes changing are not.
   */
  private topChanged(name: string | null): void {
    if (this.closed) return;
    // Without a name, any of them may have changed: the net finds which.
    if (name === null) return this.look();
    if (!this.slugs.includes(name)) return;
    const before = this.armed.get(name);
    const after = this.arm(name);
    if (before?.folder !== after.folder || before.seen !== after.seen) this.saved(name);
  }

  /** (Re-)watches one exercise folder, if it is there; the net tries again if not. */
  private arm(slug: string): Armed {
    const dir = path.join(this.folder, slug);
    const previous = this.armed.get(slug);
    previous?.watcher?.close();
    const armed: Armed = { watcher: null, folder: identityOf(dir), seen: codeFilesOf(dir) };
    this.armed.set(slug, armed);
    if (armed.folder === null) return armed;
    try {
      const watcher = watch(dir, (_event, name) => this.folderChanged(slug, name === null ? null : String(name)));
      // A folder deleted under its watch may end it with an error; its replacement is armed anew.
      watcher.on('error', () => watcher.close());
      armed.watcher = watcher;
    } catch {
      // No watch to be had (the system's limit of watches reached): the net alone looks at it.
    }
    return armed;
  }

  private folderChanged(slug: string, name: string | null): void {
    if (this.closed) return;
    // Editors' other files (`.view.ts.swp`, `view.ts~`, `4913`, `view.ts___jb_tmp___`) and the README are not code.
    if (name !== null && !isViewCode(name)) return;
    const armed = this.armed.get(slug);
    if (armed) armed.seen = codeFilesOf(path.join(this.folder, slug));
    this.saved(slug);
  }

  /** The net: what changed since last seen with no event to say so. */
  private look(): void {
    if (this.closed) return;
    if (identityOf(this.folder) !== this.topFolder) this.armTop();
    for (const slug of this.slugs) {
      const dir = path.join(this.folder, slug);
      const armed = this.armed.get(slug);
      if (!armed || identityOf(dir) !== armed.folder) {
        this.arm(slug);
        this.saved(slug);
        continue;
      }
      const now = codeFilesOf(dir);
      if (now === armed.seen) continue;
      armed.seen = now;
      this.saved(slug);
    }
  }
}

/** A folder's inode and birth time: a folder made again may get the inode of the one it replaced. */
function identityOf(folder: string): string | null {
  try {
    const stat = statSync(folder, { throwIfNoEntry: false });
    return stat ? `${stat.ino}:${stat.birthtimeMs}` : null;
  } catch {
    return null;
  }
}

/** What an exercise folder's code files look like from outside: name, inode, size and times, never their text. */
function codeFilesOf(dir: string): string {
  let names: string[];
  try {
    names = readdirSync(dir).filter(isViewCode).sort();
  } catch {
    return '';
  }
  return names
    .map((name) => {
      try {
        const stat = statSync(path.join(dir, name), { throwIfNoEntry: false });
        return stat ? `${name}:${stat.ino}:${stat.size}:${stat.mtimeMs}:${stat.ctimeMs}` : name;
      } catch {
        return name;
      }
    })
    .join('\n');
}
