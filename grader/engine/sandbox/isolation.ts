/**
 * How a sandbox host is sealed off, and the command that starts it so.
 *
 * - `bwrap`: bubblewrap puts the host in namespaces of its own. It sees the Node binary and its
 *   libraries, read-only; the host bundle, read-only; an empty, size-limited tmpfs as its working
 *   folder and /tmp; no network, no other process, an empty environment. As root, it also runs as
 *   a user of its own.
 * - `uid`: where bubblewrap cannot run but the grader is root (a Gradescope container): the host
 *   runs as an unprivileged user of its own, in an empty folder, so it can write nothing of the
 *   kit's or the results; in a network namespace of its own where root may make one.
 * - `permission-model`: Node's permission model alone, which Node documents as a seat belt rather
 *   than a wall against malicious code. Enough for a learner grading their own work.
 *
 * Every level also runs Node's permission model inside (reads only of the host bundle, no writes,
 * no child processes, no workers), the host's own refusals of what that model leaves open
 * (`host.ts`), resource limits where `prlimit` exists, and a parent-death signal where `setpriv`
 * exists, so that no host outlives the grader.
 */
import { execFile } from 'node:child_process';
import { accessSync, chmodSync, constants, cpSync, mkdtempSync, realpathSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export type IsolationLevel = 'bwrap' | 'uid' | 'permission-model';

/** Best first. */
export const isolationLevels: readonly IsolationLevel[] = ['bwrap', 'uid', 'permission-model'];

/** What this machine offers, found once per process. */
export interface IsolationSupport {
  /** The best level that works here. */
  best: IsolationLevel;
  /** Why each better level is not available, in a few words. */
  missing: Partial<Record<IsolationLevel, string>>;
  bwrap: string | null;
  prlimit: string | null;
  /** `setpriv` (util-linux), which gives a host a parent-death signal and, at `uid`, its user. */
  setpriv: string | null;
  /** `unshare`, where it can give a host a network of its own (as root, without bubblewrap). */
  unshareNet: string | null;
  /** The files the Node binary needs: itself and its shared libraries. */
  nodeFiles: string[];
  /** The shell that waits for the host's Node inside bubblewrap, and its libraries. */
  shellFiles: string[];
}

/** What each level means, in the words of the line a class run starts with. */
export const isolationLine: Record<IsolationLevel, string> = {
  bwrap: 'bwrap (bubblewrap: no network, no files of the kit, no other process)',
  uid: 'uid (a user of its own, in an empty folder; install bubblewrap for the strongest seal)',
  'permission-model': "permission-model (Node's permission model alone, as you asked)",
};

/** One line for an instructor whose machine lacks bubblewrap. */
export const installBubblewrap = 'install bubblewrap for the strongest seal (Debian/Ubuntu: sudo apt-get install bubblewrap)';

function findProgram(name: string): string | null {
  for (const dir of (process.env.PATH ?? '/usr/bin:/bin').split(path.delimiter)) {
    const candidate = path.join(dir || '.', name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return null;
}

function run(command: string, args: string[], options: { uid?: number; gid?: number } = {}): Promise<{ ok: boolean; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(command, args, { timeout: 5000, env: {}, ...options }, (error, stdout, stderr) => resolve({ ok: !error, stdout, stderr }));
  });
}

const isRoot = process.getuid?.() === 0;

/** A program and the libraries `ldd` says it loads, as real paths (the program first). */
async function programFiles(program: string): Promise<string[]> {
  const node = realpathSync(program);
  const ldd = await run('ldd', [node]);
  const libraries = ldd.ok ? [...ldd.stdout.matchAll(/(\/[^\s)]+)/g)].map((match) => match[1] as string) : [];
  // Each library under the name it is asked for and under its real path.
  const files = new Set([node]);
  for (const file of libraries) {
    try {
      files.add(path.resolve(file));
      files.add(realpathSync(file));
    } catch {
      // gone since ldd looked
    }
  }
  return [...files];
}

/**
 * Namespaces and the rest of bubblewrap's options that do not depend on the host's files. The
 * command runs as the sandbox's first process (`--as-pid-1`): bubblewrap's own first process
 * reports its child's end and exits without being waited for, a zombie wherever the machine's
 * first process reaps none (a container's often does not).
 */
function bwrapNamespaceArgs(): string[] {
  return ['--unshare-all', '--unshare-user', '--disable-userns', '--cap-drop', 'ALL', '--die-with-parent', '--new-session', '--clearenv', '--as-pid-1'];
}

let support: Promise<IsolationSupport> | null = null;

/** What this machine offers; probed once, at the first host's start. */
export function isolationSupport(): Promise<IsolationSupport> {
  support ??= probe();
  return support;
}

async function probe(): Promise<IsolationSupport> {
  const missing: IsolationSupport['missing'] = {};
  const bwrap = process.platform === 'linux' ? findProgram('bwrap') : null;
  const prlimit = process.platform === 'linux' ? findProgram('prlimit') : null;
  const setpriv = process.platform === 'linux' ? findProgram('setpriv') : null;
  const unshare = process.platform === 'linux' && isRoot ? findProgram('unshare') : null;
  const files = process.platform === 'linux' ? programFiles(process.execPath) : Promise.resolve([]);
  const shell = process.platform === 'linux' ? programFiles('/bin/sh').catch(() => []) : Promise.resolve([]);
  // Whether this root may give a host a network namespace of its own (a container often may not).
  const netTrial = unshare ? run(unshare, ['--net', '--', 'true']) : Promise.resolve({ ok: false });
  let bwrapWorks = false;
  if (!bwrap) missing.bwrap = process.platform === 'linux' ? 'bubblewrap (bwrap) is not installed' : `bubblewrap needs Linux, not ${process.platform}`;
  else {
    const ids = isRoot ? { uid: hostUid(0), gid: hostUid(0) } : {};
    const trial = await run(bwrap, [...bwrapNamespaceArgs(), '--ro-bind', '/', '/', '--', 'true'], ids);
    bwrapWorks = trial.ok;
    if (!trial.ok) missing.bwrap = `bubblewrap cannot run here (${trial.stderr.trim().split('\n')[0] || 'no user namespaces'})`;
  }
  if (!isRoot) missing.uid = 'the grader does not run as root, so it cannot run hosts as another user';
  const best: IsolationLevel = bwrapWorks ? 'bwrap' : isRoot ? 'uid' : 'permission-model';
  const unshareNet = (await netTrial).ok ? unshare : null;
  return { best, missing, bwrap: bwrapWorks ? bwrap : null, prlimit, setpriv, unshareNet, nodeFiles: await files, shellFiles: await shell };
}

/**
 * A user ID no account has, one for each host alive at once, so that hosts cannot signal or
 * read one another and their process limit is theirs alone.
 */
const uidBase = 1_500_000_000 + (process.pid % 100_000) * 64;
let uidSlot = 0;
function hostUid(slot: number): number {
  return uidBase + (slot % 64);
}

/** True when a user of no group of the owner's can open `dir` (every folder above it passable, it readable). */
function openToOthers(dir: string): boolean {
  try {
    if ((statSync(dir).mode & 0o005) !== 0o005) return false;
    for (let above = path.dirname(dir); ; above = path.dirname(above)) {
      if ((statSync(above).mode & 0o001) === 0) return false;
      if (above === path.dirname(above)) return true;
    }
  } catch {
    return false;
  }
}

const openCopies = new Map<string, string>();

/**
 * The host bundle's folder as a host at `level` can open it. A host of a user of its own cannot
 * pass a private folder (a kit copied under a folder only its owner may enter): it gets a copy
 * of the bundle, readable by all, made once and removed when the grader exits.
 */
export function hostDirFor(level: IsolationLevel, dir: string): string {
  if (!isRoot || level === 'permission-model' || openToOthers(dir)) return dir;
  let copy = openCopies.get(dir);
  if (!copy) {
    copy = mkdtempSync(path.join(os.tmpdir(), 'session-kit-host-bundle-'));
    cpSync(dir, copy, { recursive: true });
    chmodSync(copy, 0o755);
    openCopies.set(dir, copy);
    if (openCopies.size === 1) process.once('exit', () => openCopies.forEach((made) => rmSync(made, { recursive: true, force: true })));
  }
  return copy;
}

/** The command that starts one host, and what to clean up after it. */
export interface SealedCommand {
  command: string;
  args: string[];
  uid?: number;
  gid?: number;
  cwd: string;
  /** Removes what was made for this host (its working folder), once it has ended. */
  cleanup(): void;
  /** Whether the host's Node process is a grandchild (bwrap's init in between). */
  nested: boolean;
}

/** Limits on the host's resources, through `prlimit`: file size, open files, core dumps, processes. */
function limitArgs(prlimit: string, ownUser: boolean): string[] {
  const limits = ['--fsize=1048576', '--nofile=256', '--core=0'];
  // RLIMIT_NPROC counts every process of the user: only a user of the host's own can have a low one.
  if (ownUser) limits.push('--nproc=64');
  return [prlimit, ...limits, '--'];
}

/** Where bubblewrap puts the Node binary, and the shell that waits for it. */
const nodeInSeal = '/usr/local/bin/node';
const shellInSeal = '/usr/local/bin/sh';

/**
 * The sandbox's first process under bubblewrap: a shell that starts the host's Node, waits for it
 * and ends with its status (128 + the signal that killed it, as bubblewrap reports one), and is
 * itself waited for by bubblewrap. Its own words ("Killed") go nowhere; the host's stderr is kept.
 */
const waitForNode = 'exec 9>&2 2>/dev/null; "$@" 2>&9 9>&- & wait $!';

/**
 * A parent-death signal for everything after it: the kernel kills the host when the grader ends,
 * however it ends (SIGKILL included), even if the host's code stopped listening to its channel.
 * It outlives exec (of programs that are not set-user-ID), so `prlimit` and Node keep it.
 */
function dieWithGrader(info: IsolationSupport): string[] {
  return info.setpriv ? [info.setpriv, '--pdeathsig', 'KILL', '--'] : [];
}

/**
 * The command that starts `node <nodeArgs>` sealed at `level`, with `hostDir` (the host bundle)
 * readable. The node arguments must name files under `hostDir` only.
 */
export function sealedCommand(level: IsolationLevel, info: IsolationSupport, hostDir: string, nodeArgs: string[]): SealedCommand {
  const node = realpathSync(process.execPath);
  const ownUser = isRoot && level !== 'permission-model';
  const uid = ownUser ? hostUid(uidSlot++) : undefined;
  const ids = uid === undefined ? {} : { uid, gid: uid };
  const limits = info.prlimit ? limitArgs(info.prlimit, ownUser) : [];
  if (level === 'bwrap' && info.bwrap) {
    const [shell, ...shellLibraries] = info.shellFiles;
    // The binary at a path of the seal's own, so that where the kit keeps a Node (CI's under
    // .kit-build/node) names no folder of the kit's inside.
    const binds = info.nodeFiles.flatMap((file) => (file === node ? ['--ro-bind', node, nodeInSeal] : ['--ro-bind', file, file]));
    if (shell) binds.push('--ro-bind', shell, shellInSeal, ...shellLibraries.flatMap((file) => ['--ro-bind', file, file]));
    const args = [
      ...bwrapNamespaceArgs(),
      '--setenv', 'NODE_ENV', 'development',
      '--proc', '/proc',
      '--dev', '/dev',
      '--size', String(4 * 1024 * 1024), '--tmpfs', '/tmp',
      '--size', String(4 * 1024 * 1024), '--tmpfs', '/app',
      // After the tmpfs mounts, so that a kit kept under /tmp stays visible.
      ...binds,
      '--ro-bind', hostDir, hostDir,
      '--remount-ro', '/',
      '--chdir', '/app',
      '--info-fd', '5',
      '--', ...(shell ? [shellInSeal, '-c', waitForNode, 'sh'] : []), nodeInSeal, ...nodeArgs,
    ];
    const [command, ...rest] = [...dieWithGrader(info), ...limits, info.bwrap, ...args] as [string, ...string[]];
    return { command, args: rest, ...ids, cwd: '/', cleanup: () => undefined, nested: true };
  }
  // An empty folder of its own, which it cannot write to either.
  const cwd = mkdtempSync(path.join(os.tmpdir(), 'session-kit-host-'));
  const cleanup = (): void => rmSync(cwd, { recursive: true, force: true });
  if (uid !== undefined && info.setpriv) {
    // As root: a network namespace of its own first (no network; no other host can connect to the
    // socket the grader handed it, which was opened in the grader's), then its user, then the
    // parent-death signal, which a change of user would clear.
    const steps = [
      ...(info.unshareNet ? [info.unshareNet, '--net', '--'] : []),
      info.setpriv, `--reuid=${uid}`, `--regid=${uid}`, '--clear-groups', '--pdeathsig', 'KILL', '--',
      ...limits, node, ...nodeArgs,
    ];
    const [command, ...rest] = steps as [string, ...string[]];
    return { command, args: rest, cwd, cleanup, nested: false };
  }
  const [command, ...rest] = [...dieWithGrader(info), ...limits, node, ...nodeArgs] as [string, ...string[]];
  return { command, args: rest, ...ids, cwd, cleanup, nested: false };
}
