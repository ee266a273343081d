/**
 * The grader's side of a sandbox host: starts the child process, talks to it with deadlines, and
 * says in plain words how it ended when it ends badly.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { hostScript, kitRoot, buildDirName } from '../paths.js';
import { defaultHeapMb, hostV8Flags } from './host-flags.js';
import { locateInText } from './locate.js';
import {
  parseHostMessage,
  type GraderMessage,
  type HostMessage,
  type LoadFailureKind,
  type LoadRequest,
  type SourceLocation,
} from './protocol.js';

/** How the host process ended, when it ended before the grader was done with it. */
export interface HostExit {
  kind: 'crashed' | 'out-of-memory' | 'timeout';
  message: string;
  location: SourceLocation | null;
}

export type LoadOutcome =
  | { ok: true; port: number }
  | { ok: false; kind: LoadFailureKind | HostExit['kind']; message: string; location: SourceLocation | null };

/** Time the host itself may take to start (Node and Express, before any learner code). */
const bootTimeoutMs = 10_000;
/** What is kept of the host's output, for messages about a crash. */
const outputLimit = 16_384;
/** Memory outside the JavaScript heap (Buffers) that the host may use on top of its heap limit. */
export const offHeapAllowanceMb = 256;
/** How often the host's resident memory is read. */
const memoryPollMs = 100;

const outOfMemory: HostExit = { kind: 'out-of-memory', message: 'the app used more memory than allowed', location: null };

/** The resident memory of a process in MiB, where the system says (Linux); otherwise null. */
function residentMb(pid: number): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
    return kb === undefined ? null : Number(kb) / 1024;
  } catch {
    return null;
  }
}

function permissionFlags(): string[] {
  const major = Number(process.versions.node.split('.')[0]);
  // Node reads a module by the path it resolved and by its real path: a symlinked node_modules
  // (a kit copy sharing its packages) must be readable under both.
  const dirs = [path.join(kitRoot, 'node_modules'), path.join(kitRoot, buildDirName)];
  const readable = [...new Set(dirs.flatMap((dir) => [dir, realpathSync(dir)]))].map((dir) => path.join(dir, '*'));
  return [major >= 22 ? '--permission' : '--experimental-permission', ...readable.map((dir) => `--allow-fs-read=${dir}`)];
}

function firstErrorLine(output: string): string | null {
  const line = output.split('\n').find((text) => /^(\w*Error|Uncaught\b|\w+: )/.test(text.trim()));
  return line ? line.trim().slice(0, 300) : null;
}

/** The host `Sandbox.startEarly` started (with the default heap), until a pool takes it or the grader ends. */
let early: Promise<Sandbox> | null = null;

export class Sandbox {
  private readonly child: ChildProcess;
  private readonly waiters = new Set<(message: HostMessage) => boolean>();
  private output = '';
  private nextId = 1;
  /** The learner file whose code is running, to point at its lines when the host dies. */
  private currentFile: string | null = null;
  /** Set once the host has ended; every later call answers at once. */
  exit: HostExit | null = null;
  private readonly exited: Promise<HostExit>;
  private killedFor: HostExit | null = null;

  private constructor(private readonly heapMb: number) {
    this.child = fork(hostScript, [kitRoot], {
      execArgv: [...permissionFlags(), ...hostV8Flags(heapMb), '--disable-warning=ExperimentalWarning'],
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      // Nothing of the grader's environment (tokens, paths) is the learner's business.
      env: { NODE_ENV: 'development' },
      serialization: 'json',
    });
    const keep = (chunk: Buffer): void => {
      this.output = (this.output + chunk.toString('utf8')).slice(-outputLimit);
    };
    // Errors of the channel (a write to a dead host) are answered by the host's exit.
    this.child.on('error', () => undefined);
    this.child.stdout?.on('data', keep);
    this.child.stderr?.on('data', keep);
    this.child.on('message', (raw) => {
      const message = parseHostMessage(raw);
      if (!message) return;
      for (const waiter of this.waiters) if (waiter(message)) this.waiters.delete(waiter);
    });
    // The heap limit does not cover Buffers: the whole process is watched from here.
    const memoryWatch = setInterval(() => {
      if (this.overMemory()) void this.killFor(outOfMemory);
    }, memoryPollMs);
    memoryWatch.unref();
    this.exited = new Promise((resolve) => {
      this.child.on('exit', (code, signal) => {
        clearInterval(memoryWatch);
        this.exit = this.killedFor ?? this.describeExit(code, signal);
        resolve(this.exit);
      });
    });
  }

  /** Starts a host and waits until it is ready for exercises. */
  static async start(heapMb: number): Promise<Sandbox> {
    const sandbox = new Sandbox(heapMb);
    const ready = await sandbox.request(null, (message) => message.type === 'ready', bootTimeoutMs);
    if (ready === 'timeout' || sandbox.exit) {
      sandbox.kill();
      throw new Error(`the grading sandbox did not start: ${sandbox.exit?.message ?? 'no answer within 10 s'}`);
    }
    return sandbox;
  }

  /**
   * Starts a host before the grader has even loaded its command, for the commands that grade at
   * once (`grader/kit.mjs`): the host's own Node start then overlaps with the grader's.
   */
  static startEarly(): void {
    early ??= Sandbox.start(defaultHeapMb);
    early.catch(() => undefined);
  }

  /** The early host when it has the heap asked for (no learner code has touched it), or a new one. */
  static startOrTakeEarly(heapMb: number): Promise<Sandbox> {
    if (early && heapMb === defaultHeapMb) {
      const host = early;
      early = null;
      return host;
    }
    Sandbox.endEarly();
    return Sandbox.start(heapMb);
  }

  /** Ends the early host if nothing took it, so that it does not keep the grader running. */
  static endEarly(): void {
    void early?.then((host) => host.kill(), () => undefined);
    early = null;
  }

  /** Everything the host printed so far (learner's console output included), at most 16 KiB. */
  takeOutput(): string {
    const text = this.output;
    this.output = '';
    return text;
  }

  private describeExit(code: number | null, signal: NodeJS.Signals | null): HostExit {
    const output = this.output;
    const location = this.currentFile ? locateInText(output, this.currentFile) : null;
    if (/heap out of memory|Reached heap limit|Allocation failed/i.test(output)) {
      return { ...outOfMemory, location };
    }
    const error = firstErrorLine(output);
    if (error) return { kind: 'crashed', message: `the app crashed: ${error}`, location };
    if (signal) return { kind: 'crashed', message: `the app was killed (${signal})`, location };
    return { kind: 'crashed', message: `the app exited with code ${code ?? 0}`, location };
  }

  /**
   * Sends a message (if any) and waits for the answer that `accept` recognises, the host's end,
   * or the deadline, whichever comes first.
   */
  private request(
    message: GraderMessage | null,
    accept: (message: HostMessage) => boolean,
    timeoutMs: number,
  ): Promise<HostMessage | HostExit | 'timeout'> {
    if (this.exit) return Promise.resolve(this.exit);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        resolve('timeout');
      }, timeoutMs);
      const waiter = (answer: HostMessage): boolean => {
        if (!accept(answer)) return false;
        clearTimeout(timer);
        resolve(answer);
        return true;
      };
      this.waiters.add(waiter);
      void this.exited.then((exit) => {
        clearTimeout(timer);
        this.waiters.delete(waiter);
        resolve(exit);
      });
      // A send to a host that is dying fails later, through the callback; its exit answers then.
      if (message) this.child.send(message, () => undefined);
    });
  }

  /** Runs one exercise's app with the learner's view, within `timeoutMs` for loading it. */
  async load(request: LoadRequest, timeoutMs: number): Promise<LoadOutcome> {
    this.currentFile = request.filename;
    const answer = await this.request(
      request,
      (message) => (message.type === 'loaded' || message.type === 'load-failed') && message.slug === request.slug,
      timeoutMs,
    );
    if (answer === 'timeout') {
      const exit = await this.killFor({
        kind: 'timeout',
        message: `view.ts did not finish loading within ${formatSeconds(timeoutMs)} (an endless loop at the top level?)`,
        location: null,
      });
      return { ok: false, ...exit };
    }
    if ('type' in answer) {
      if (answer.type === 'loaded') return { ok: true, port: answer.port };
      if (answer.type === 'load-failed') {
        return { ok: false, kind: answer.kind, message: answer.message, location: answer.location };
      }
    }
    const exit = answer as HostExit;
    return { ok: false, ...exit };
  }

  /** True when the host answers within the deadline: its event loop is not stuck. */
  async isResponsive(timeoutMs: number): Promise<boolean> {
    const id = this.nextId++;
    const answer = await this.request({ type: 'ping', id }, (m) => m.type === 'pong' && m.id === id, timeoutMs);
    return typeof answer === 'object' && 'type' in answer;
  }

  /** Moves the host's clock forward by `ms`. */
  async advanceClock(ms: number, timeoutMs: number): Promise<void> {
    const id = this.nextId++;
    const answer = await this.request({ type: 'clock', id, advanceMs: ms }, (m) => m.type === 'pong' && m.id === id, timeoutMs);
    if (!(typeof answer === 'object' && 'type' in answer)) throw new Error('the app did not answer when its clock was moved');
  }

  /** The session records the exercise's store holds, by session ID. */
  async sessions(slug: string, timeoutMs: number): Promise<Record<string, unknown>> {
    const id = this.nextId++;
    const answer = await this.request({ type: 'store', slug, id }, (m) => m.type === 'store' && m.id === id, timeoutMs);
    if (typeof answer === 'object' && 'type' in answer && answer.type === 'store') return answer.sessions;
    throw new Error('the app did not say what its session store holds');
  }

  unload(slug: string): void {
    if (!this.exit && this.child.connected) this.child.send({ type: 'unload', slug } satisfies GraderMessage, () => undefined);
  }

  private overMemory(): boolean {
    const pid = this.child.pid;
    const used = pid === undefined ? null : residentMb(pid);
    return used !== null && used > this.heapMb + offHeapAllowanceMb;
  }

  /** Ends the host, recording why, and waits until it is gone. */
  async killFor(reason: HostExit): Promise<HostExit> {
    if (!this.exit) {
      // A host that stopped answering while over its memory is out of memory, not stuck.
      this.killedFor = reason.kind === 'timeout' && this.overMemory() ? outOfMemory : reason;
      this.child.kill('SIGKILL');
    }
    return this.exited;
  }

  kill(): void {
    if (!this.exit) this.child.kill('SIGKILL');
  }
}

export function formatSeconds(ms: number): string {
  const seconds = ms / 1000;
  return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)} s`;
}
