/**
 * The grader's side of a sandbox host: starts the sealed process (`isolation.ts`), talks to it
 * over the private channel (`channel.ts`) with deadlines, keeps its session store
 * (`session-records.ts`), and says in plain words how it ended when it ends badly.
 *
 * Nothing the host sends is believed without a check: the port is the one the grader opened, the
 * session records are the grader's own, and how the host ended is read from its exit status.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { hostDir } from '../paths.js';
import { FrameReader, encodeFrame, hostFrameLimits } from './channel.js';
import { defaultHeapMb, hostV8Flags } from './host-flags.js';
import { hostDirFor, installBubblewrap, isolationLevels, isolationSupport, sealedCommand, type IsolationLevel } from './isolation.js';
import { locateInText } from './locate.js';
import { networkFlags, permissionFlag } from './permission-flag.js';
import {
  cleanHostText,
  parseHostMessage,
  type AfterAnswer,
  type GraderMessage,
  type HostMessage,
  type LoadFailureKind,
  type LoadRequest,
  type SourceLocation,
} from './protocol.js';
import { SessionRecords, type SessionRecord } from './session-records.js';
import { StoreLog, destroyReplyDelayMs, type StoreEvent } from './store-events.js';

/** How the host process ended, when it ended before the grader was done with it. */
export interface HostExit {
  kind: 'crashed' | 'out-of-memory' | 'timeout';
  message: string;
  location: SourceLocation | null;
  /** The host ended itself (an exit code, an uncaught error): not a signal, not the grader's kill. */
  byItself?: boolean;
}

export type LoadOutcome =
  /** The app listens on `port` of 127.0.0.1 and answers requests that carry `accessKey` (see `accessHeader`). */
  | { ok: true; port: number; accessKey: string }
  | { ok: false; kind: LoadFailureKind | HostExit['kind']; message: string; location: SourceLocation | null };

/** Time the host itself may take to start (Node and Express, before any learner code). */
const bootTimeoutMs = 10_000;
/** What is kept of the host's output, for messages about a crash. */
const outputLimit = 16_384;
/** What an exercise's app may print in all; more ends the host (a flood costs the grader). */
const outputAllowance = 8 * 1024 * 1024;
/** Memory outside the JavaScript heap (Buffers) that the host may use on top of its heap limit. */
export const offHeapAllowanceMb = 256;
/** How often the host's resident memory is read. */
const memoryPollMs = 100;
/** How far back the host's memory is remembered: past one unanswered request and its ping. */
const memoryHistoryMs = 4000;
/** How long a host that stopped answering while it used ever more may take to reach its limit. */
const spendingGraceMs = 3000;
/**
 * Growth that says a host's memory has not levelled off: a stuck host's stays within a MiB, while
 * a hog's, between two of V8's collections on a busy machine, grows by several.
 */
const stillClimbing = { mb: 4, withinMs: 1500 };
/**
 * The grader's own time that reading an exercise's channel frames and carrying out its store
 * operations may take in all. An honest app's take a few milliseconds; a class shares the grader's
 * one event loop, so an app that keeps it busier is ended, and its cost stays its own.
 */
export const channelWorkBudgetMs = 500;
/** Printed in a second by an app that prints without end, far more than any app's log. */
const floodBytes = 256 * 1024;

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

/** The first child of a process, where the system says (Linux). */
function firstChild(pid: number): number | null {
  try {
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/);
    const child = Number(children[0]);
    return Number.isSafeInteger(child) && child > 0 ? child : null;
  } catch {
    return null;
  }
}

function permissionFlags(dir: string): string[] {
  return [permissionFlag(), `--allow-fs-read=${path.join(dir, '*')}`, ...networkFlags()];
}

function firstErrorLine(output: string): string | null {
  const line = output.split('\n').find((text) => /^(\w*Error|Uncaught\b|\w+: )/.test(text.trim()));
  return line ? cleanHostText(line, 300) : null;
}

/** A TCP socket listening on 127.0.0.1, for the host to accept the checks' connections on. */
async function listeningSocket(): Promise<{ server: net.Server; port: number; fd: number }> {
  const server = net.createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as net.AddressInfo;
  const fd = (server as unknown as { _handle: { fd: number } })._handle.fd;
  return { server, port, fd };
}

/** The isolation level the command line demanded, if any (`--isolation`). */
let demanded: IsolationLevel | null = null;

/** Makes every host from now on run at `level`, or fail to start with the reason. */
export function demandIsolation(level: IsolationLevel | null): void {
  demanded = level;
}

/**
 * The level hosts run at: the one demanded, if this machine has it, or else the best it has.
 * Rejects, with one line naming what to install, when the demanded level is not available.
 */
export async function isolationInForce(): Promise<IsolationLevel> {
  const support = await isolationSupport();
  if (!demanded) return support.best;
  if (isolationLevels.indexOf(demanded) >= isolationLevels.indexOf(support.best)) return demanded;
  const why = support.missing[demanded] ?? `${demanded} is not available here`;
  throw new Error(`--isolation ${demanded}: ${why}${demanded === 'bwrap' ? `; ${installBubblewrap}` : ''}`);
}

/** The host `Sandbox.startEarly` started (default heap, best isolation), until a pool takes it or the grader ends. */
let early: Promise<Sandbox> | null = null;

/**
 * Every host alive. Those in a session of their own do not get the terminal's Ctrl-C, and one
 * stuck in a loop never notices that the grader is gone: all are ended when the grader exits or
 * is interrupted, and on an interruption the grader waits (a second at most) until each has ended
 * and been reaped before it goes, so that none is left a zombie where the machine's first process
 * reaps none. A grader killed outright takes its hosts with it by their parent-death signal
 * (`isolation.ts`).
 */
const liveHosts = new Set<Sandbox>();

function endWithGrader(host: Sandbox): void {
  if (!endWithGrader.installed) {
    endWithGrader.installed = true;
    const killAll = (): void => {
      for (const live of liveHosts) live.kill();
    };
    process.once('exit', killAll);
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
      const onSignal = (): void => {
        const ending = [...liveHosts].map((live) => live.ended());
        killAll();
        // Alone, this listener would keep the grader alive: the signal then does what it does by default.
        if (process.listenerCount(signal) === 1) {
          process.off(signal, onSignal);
          const reaped = Promise.all(ending);
          const giveUp = new Promise((resolve) => setTimeout(resolve, 1000).unref());
          void Promise.race([reaped, giveUp]).then(() => process.kill(process.pid, signal));
        }
      };
      process.on(signal, onSignal);
    }
    // SIGUSR1 opens Node's inspector (on 127.0.0.1:9229, code run in the grader): a listener takes
    // the signal instead, in every Node the kit runs on (`--disable-sigusr1` came only in 22.14).
    process.on('SIGUSR1', () => undefined);
  }
  liveHosts.add(host);
  void host.ended().then(() => liveHosts.delete(host));
}
endWithGrader.installed = false;

export class Sandbox {
  private child!: ChildProcess;
  private channel!: Writable;
  private readonly waiters = new Set<(message: HostMessage) => boolean>();
  private output = '';
  private outputBytes = 0;
  private nextId = 1;
  /** The learner file whose code is running, to point at its lines when the host dies. */
  private currentFile: string | null = null;
  /** The session store of the exercise loaded now. */
  private records: SessionRecords | null = null;
  /** The store operations of the exercise loaded now, as the grader saw them. */
  private readonly storeLog = new StoreLog();
  /** The grader's time spent on this exercise's channel frames and store operations. */
  private channelWorkMs = 0;
  /** How far the checks moved the host's clock since the exercise was loaded. */
  private clockOffsetMs = 0;
  /** Set once the host has ended; every later call answers at once. */
  exit: HostExit | null = null;
  /** The request the host said it received last, as it exited (`last-request`), for the exercise loaded now. */
  private lastWord: number | null = null;
  private exited!: Promise<HostExit>;
  private killedFor: HostExit | null = null;
  /** The host's Node process, which may sit below bubblewrap's own. */
  private nodePid: number | null = null;
  /** Set once the host is being killed. */
  private ending = false;
  /** Under bubblewrap: its first process in the sandbox, whose child is the host's Node. */
  private reaperPid: number | null = null;
  private nested = false;
  private port = 0;
  private reader: FrameReader | null = null;
  /** The host's resident memory, in MiB, read every `memoryPollMs`: the last `memoryHistoryMs` of it. */
  private memory: { at: number; mb: number }[] = [];
  /** What the exercise graded now had printed, read with its memory: the last `memoryHistoryMs` of it. */
  private printed: { at: number; bytes: number }[] = [];
  /** The host's resident memory when the exercise graded now began to load, and when that was. */
  private memoryAtLoad: number | null = null;
  private loadedAt = 0;
  /** What every request to this host's apps must carry; learners' code never sees another host's. */
  private readonly accessKey = randomBytes(16).toString('hex');

  private constructor(
    private readonly heapMb: number,
    readonly isolation: IsolationLevel,
  ) {}

  private async spawn(): Promise<void> {
    const support = await isolationSupport();
    const dir = hostDirFor(this.isolation, hostDir());
    const socket = await listeningSocket();
    this.port = socket.port;
    const nodeArgs = [
      ...permissionFlags(dir),
      ...hostV8Flags(this.heapMb),
      '--disable-warning=ExperimentalWarning',
      path.join(dir, 'host-loader.cjs'),
    ];
    const sealed = sealedCommand(this.isolation, support, dir, nodeArgs);
    this.nested = sealed.nested;
    this.child = spawn(sealed.command, sealed.args, {
      cwd: sealed.cwd,
      ...(sealed.uid === undefined ? {} : { uid: sealed.uid, gid: sealed.gid }),
      // fd 3: the channel; fd 4: the listening socket; fd 5: bubblewrap's word on its child.
      stdio: ['ignore', 'pipe', 'pipe', 'pipe', socket.fd, 'pipe'],
      // Nothing of the grader's environment (tokens, paths) is the learner's business.
      env: { NODE_ENV: 'development' },
      // A session of its own, as bubblewrap gives its hosts (--new-session): no terminal to
      // write to, and the same share of a busy processor at every level.
      detached: !sealed.nested,
    });
    // The host holds the socket now; the grader must not accept on it.
    socket.server.close();
    if (!this.nested) this.nodePid = this.child.pid ?? null;
    this.channel = this.child.stdio[3] as Writable;
    const fromHost = this.child.stdio[3] as Readable;
    // The grader's time for each frame (its parse and what it asks) is charged as the frame is
    // done, so that a chunk of costly frames meets the budget at the frame that passes it.
    let since = 0;
    const charge = (): void => {
      const now = performance.now();
      this.chargeChannelWork(now - since);
      since = now;
    };
    const reader = (this.reader = new FrameReader(
      hostFrameLimits,
      (value) => {
        this.receive(value);
        charge();
      },
      (reason) => void this.killFor({ kind: 'crashed', message: `the app wrote to the grader's channel (${reason})`, location: null }),
    ));
    fromHost.on('data', (chunk: Buffer) => {
      since = performance.now();
      reader.push(chunk);
      charge();
    });
    fromHost.on('error', () => undefined);
    this.channel.on('error', () => undefined);
    // The host's last word, which no request waits for.
    this.waiters.add((message) => {
      if (message.type === 'last-request') this.lastWord = message.request;
      return false;
    });
    const info = (this.child.stdio as unknown as Readable[])[5] as Readable;
    let infoText = '';
    info.on('data', (chunk: Buffer) => {
      infoText = (infoText + chunk.toString('utf8')).slice(0, 4096);
      const childPid = /"child-pid":\s*(\d+)/.exec(infoText)?.[1];
      // Only bubblewrap's first word counts: it is written before any learner code exists.
      if (childPid && this.reaperPid === null) {
        this.reaperPid = Number(childPid);
        // Ended before its first process was known: that process goes now, with all it started.
        if (this.ending) this.killPid(this.reaperPid);
      }
    });
    info.on('error', () => undefined);
    const keep = (chunk: Buffer): void => {
      this.outputBytes += chunk.length;
      if (this.outputBytes > outputAllowance) {
        void this.killFor({ kind: 'crashed', message: `the app printed more than ${outputAllowance / 1024 / 1024} MiB`, location: null });
        return;
      }
      this.output = (this.output.length + chunk.length > 2 * outputLimit ? this.output.slice(-outputLimit) : this.output) + chunk.toString('utf8');
    };
    // Errors of the process (a write to a dead host) are answered by the host's exit.
    this.child.on('error', () => undefined);
    this.child.stdout?.on('data', keep);
    this.child.stderr?.on('data', keep);
    // The heap limit does not cover Buffers: the whole process is watched from here. The history
    // of its memory and output tells an app on its way to a limit from a stuck one (`stuckOrSpending`).
    const memoryWatch = setInterval(() => {
      this.samplePrinted();
      if (this.overMemory(this.sampleMemory())) void this.killFor(outOfMemory);
    }, memoryPollMs);
    memoryWatch.unref();
    this.exited = new Promise((resolve) => {
      this.child.on('exit', (code, signal) => {
        clearInterval(memoryWatch);
        reader.stop();
        sealed.cleanup();
        const described = this.describeExit(code, signal);
        // V8's own abort on a full heap can come as the grader gives up on the host: it is the truth.
        this.exit = this.killedFor?.kind === 'timeout' && described.kind === 'out-of-memory' ? described : (this.killedFor ?? described);
        resolve(this.exit);
      });
    });
    endWithGrader(this);
  }

  /** Resolves once the host's process has ended and been reaped. */
  ended(): Promise<HostExit> {
    return this.exited;
  }

  /** Starts a host and waits until it is ready for exercises. */
  static async start(heapMb: number, level?: IsolationLevel): Promise<Sandbox> {
    const sandbox = new Sandbox(heapMb, level ?? (await isolationInForce()));
    await sandbox.spawn();
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

  /** The early host when it has the heap and isolation asked for (no learner code has touched it), or a new one. */
  static async startOrTakeEarly(heapMb: number): Promise<Sandbox> {
    const taken = early;
    early = null;
    const level = await isolationInForce();
    const host = heapMb === defaultHeapMb ? await taken?.catch(() => null) : null;
    if (host && host.isolation === level) return host;
    void taken?.then((unused) => unused.kill(), () => undefined);
    return Sandbox.start(heapMb, level);
  }

  /** Ends the early host if nothing took it, so that it does not keep the grader running. */
  static endEarly(): void {
    void early?.then((host) => host.kill(), () => undefined);
    early = null;
  }

  /** Everything the host printed so far (learner's console output included), at most 16 KiB. */
  takeOutput(): string {
    const text = this.output.slice(-outputLimit);
    this.output = '';
    return text;
  }

  private chargeChannelWork(ms: number): void {
    this.channelWorkMs += ms;
    if (this.channelWorkMs <= channelWorkBudgetMs || this.exit || this.killedFor) return;
    // Not one more of its frames is read: the host is being ended.
    this.reader?.stop();
    void this.killFor({
      kind: 'crashed',
      message: `the app kept the grader busy with session store calls for more than ${formatSeconds(channelWorkBudgetMs)} (a loop that calls the store?)`,
      location: null,
    });
  }

  private receive(value: unknown): void {
    if (this.killedFor) return;
    const message = parseHostMessage(value, this.currentFile);
    if (!message) {
      void this.killFor({ kind: 'crashed', message: "the app wrote to the grader's channel (a message of no known shape)", location: null });
      return;
    }
    if (message.type === 'store') {
      const answer = this.records ? this.records.apply(message.op) : { ok: false as const, error: 'no exercise is loaded' };
      const frame = encodeFrame({ type: 'store-answer', id: message.id, answer } satisfies GraderMessage);
      this.reader?.charge(frame.length);
      const event = this.storeLog.note(message.op);
      const reply = (): void => {
        event.repliedAt = performance.now();
        if (!this.exit && this.channel.writable) this.channel.write(frame);
      };
      // Carried out at once, answered a moment later: an answer that did not wait shows in the log.
      // After the timer, the answers already in (read in the poll phase, which a busy grader may
      // reach only after the timer's due) are taken before the reply is stamped and sent.
      if (message.op.op === 'destroy' && this.records) setTimeout(() => setImmediate(reply), destroyReplyDelayMs);
      else reply();
      return;
    }
    for (const waiter of this.waiters) if (waiter(message)) this.waiters.delete(waiter);
  }

  private send(message: GraderMessage): void {
    if (!this.exit && this.channel.writable) this.channel.write(encodeFrame(message));
  }

  private describeExit(code: number | null, signal: NodeJS.Signals | null): HostExit {
    const output = this.output;
    const location = this.currentFile ? locateInText(output, this.currentFile) : null;
    // Under bubblewrap the host's signal comes back as an exit code of 128 + its number.
    const signalled =
      signal ?? (this.nested && code !== null && code > 128 ? (Object.entries(os.constants.signals).find(([, number]) => number === code - 128)?.[0] as NodeJS.Signals | undefined) : undefined) ?? null;
    // V8 aborts when the heap is full: the abort is the grader's own observation, the text only names it.
    if (signalled === 'SIGABRT' && /heap out of memory|Reached heap limit|Allocation failed/i.test(output)) {
      return { ...outOfMemory, location };
    }
    const error = firstErrorLine(output);
    if (error) return { kind: 'crashed', message: `the app crashed: ${error}`, location, byItself: signalled === null };
    if (signalled) return { kind: 'crashed', message: `the app was killed (${signalled})`, location };
    return { kind: 'crashed', message: `the app exited with code ${code ?? 0}`, location, byItself: true };
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
      if (message) this.send(message);
    });
  }

  /** Runs one exercise's app with the learner's view, within `timeoutMs` for loading it. */
  async load(request: LoadRequest, timeoutMs: number): Promise<LoadOutcome> {
    this.currentFile = request.filename;
    this.lastWord = null;
    this.clockOffsetMs = 0;
    this.loadedAt = Date.now();
    this.memoryAtLoad = this.sampleMemory();
    this.outputBytes = 0;
    this.channelWorkMs = 0;
    this.printed = [];
    this.records = new SessionRecords(() => Date.now() + this.clockOffsetMs);
    this.storeLog.take();
    const answer = await this.request(
      { ...request, accessKey: this.accessKey },
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
      if (answer.type === 'loaded') return { ok: true, port: this.port, accessKey: this.accessKey };
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

  /**
   * Which of the grader's requests `ask` (by id, see `requestHeader`) reached the app, and what the
   * host saw fail after an answer since the exercise loaded; null when the host does not say in
   * time. The host's word: the grader weighs it against its own log (`check-language/request-log.ts`).
   */
  async askRequests(ask: number[], timeoutMs: number): Promise<{ seen: number[]; after: AfterAnswer[] } | null> {
    const id = this.nextId++;
    const answer = await this.request({ type: 'requests', id, ask }, (m) => m.type === 'requests' && m.id === id, timeoutMs);
    return typeof answer === 'object' && 'type' in answer && answer.type === 'requests' ? { seen: answer.seen, after: answer.after } : null;
  }

  /** The request the host received last, by its own word as it exited; null while it lives or when it said nothing. */
  lastRequest(): number | null {
    return this.exit ? this.lastWord : null;
  }

  /** Moves the host's clock forward by `ms`; the grader's copy of the store follows the same clock. */
  async advanceClock(ms: number, timeoutMs: number): Promise<void> {
    const id = this.nextId++;
    this.clockOffsetMs += ms;
    const answer = await this.request({ type: 'clock', id, advanceMs: ms }, (m) => m.type === 'pong' && m.id === id, timeoutMs);
    if (!(typeof answer === 'object' && 'type' in answer)) throw new Error('the app did not answer when its clock was moved');
  }

  /** The store operations since the last call, and when each was answered (see `StoreLog`). */
  takeStoreEvents(): StoreEvent[] {
    return this.storeLog.take();
  }

  /** The store operations since the last `takeStoreEvents`, kept. */
  peekStoreEvents(): readonly StoreEvent[] {
    return this.storeLog.peek();
  }

  /** The session records of the exercise loaded now, by session ID: the grader's own copy. */
  async sessions(): Promise<Record<string, SessionRecord>> {
    return Object.fromEntries(this.records?.all() ?? []);
  }

  /** Rewrites a record of the grader's copy of the store; false when there is no such session. */
  async rewriteSession(sid: string, record: SessionRecord): Promise<boolean> {
    return this.records?.replace(sid, record) ?? false;
  }

  unload(slug: string): void {
    this.send({ type: 'unload', slug });
  }

  /** The host's Node process's resident memory in MiB, or null where the system does not say. */
  private residentNow(): number | null {
    if (this.nodePid === null && this.reaperPid !== null) this.nodePid = firstChild(this.reaperPid);
    return this.nodePid === null ? null : residentMb(this.nodePid);
  }

  /** Reads the host's memory and remembers it. */
  private sampleMemory(): number | null {
    const mb = this.residentNow();
    if (mb === null) return null;
    const at = Date.now();
    this.memory.push({ at, mb });
    while ((this.memory[0]?.at ?? at) < at - memoryHistoryMs) this.memory.shift();
    return mb;
  }

  private samplePrinted(): void {
    const at = Date.now();
    this.printed.push({ at, bytes: this.outputBytes });
    while ((this.printed[0]?.at ?? at) < at - memoryHistoryMs) this.printed.shift();
  }

  private overMemory(mb: number | null): boolean {
    return mb !== null && mb > this.heapMb + offHeapAllowanceMb;
  }

  /**
   * How much the host's memory grew in the last `sinceMs`, from the least it held to `mb`. Only
   * the exercise's own time counts: a host's start and an earlier exercise's are not the app's.
   */
  private climbSince(sinceMs: number, mb: number): number {
    const from = Math.max(Date.now() - sinceMs, this.loadedAt);
    const recent = this.memory.filter((sample) => sample.at >= from);
    return recent.length === 0 ? 0 : mb - Math.min(...recent.map((sample) => sample.mb));
  }

  /** What the app printed in the last `sinceMs` of the exercise graded now, in bytes. */
  private printedSince(sinceMs: number): number {
    const from = Math.max(Date.now() - sinceMs, this.loadedAt);
    const first = this.printed.find((sample) => sample.at >= from);
    return first === undefined ? 0 : this.outputBytes - first.bytes;
  }

  /**
   * Whether a host that stopped answering is stuck, or on its way to a limit. On a busy machine a
   * host allocating or printing without end can still be short of its limit when its request
   * times out (a quarter of a processor fills 256 MiB in seconds, V8 spends its last ones
   * collecting a full heap, and a flood moves only as fast as the grader reads it); its memory
   * then climbs, or sits at its heap limit, or its output grows, where a stuck host's stay flat.
   * Such a host gets a moment more to reach its limit. One whose memory is still climbing then is
   * out of memory; one that levels off far below its limits allocated and then got stuck.
   */
  private async stuckOrSpending(timeout: HostExit): Promise<HostExit> {
    // Well above what loading an exercise's app adds (about 10 MiB), well below what a hog adds.
    const steepMb = Math.min(32, this.heapMb / 2);
    let mb = this.sampleMemory();
    this.samplePrinted();
    // Memory read until now and unreadable now: the host has just ended (V8 aborts on a full heap).
    const watched = mb !== null || this.memory.some((sample) => sample.at >= this.loadedAt);
    if (watched && mb === null) await this.exitWithin(spendingGraceMs);
    if (this.exit || this.killedFor) return this.killedFor ?? this.exit ?? timeout;
    const spending = (mb !== null && this.climbSince(memoryHistoryMs, mb) >= steepMb) || this.printedSince(memoryHistoryMs) >= floodBytes;
    if (!spending) return this.overMemory(mb) ? outOfMemory : timeout;
    const graceEnds = Date.now() + spendingGraceMs;
    for (;;) {
      if (this.overMemory(mb)) return outOfMemory;
      const climbing = mb !== null && this.climbSince(stillClimbing.withinMs, mb) >= stillClimbing.mb;
      // V8 collects a full heap again and again before it gives up; the memory stands still meanwhile.
      // A full heap shows as about the heap's size above the host's memory at load, rarely less.
      const atHeapLimit = mb !== null && this.memoryAtLoad !== null && mb - this.memoryAtLoad >= 0.6 * this.heapMb;
      const printing = this.printedSince(1000) >= floodBytes;
      if (!climbing && !atHeapLimit && !printing) return timeout;
      // A flood is judged only by what it printed: the grader sees every byte of it.
      if (Date.now() >= graceEnds) return climbing || atHeapLimit ? outOfMemory : timeout;
      await this.exitWithin(memoryPollMs);
      mb = this.sampleMemory();
      this.samplePrinted();
      if (watched && mb === null) await this.exitWithin(spendingGraceMs);
      if (this.exit || this.killedFor) return this.killedFor ?? this.exit ?? timeout;
      if (watched && mb === null) return timeout;
    }
  }

  private async exitWithin(ms: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([this.exited, new Promise((resolve) => (timer = setTimeout(resolve, ms)))]);
    clearTimeout(timer);
  }

  /** Ends the host, recording why, and waits until it is gone. */
  async killFor(reason: HostExit): Promise<HostExit> {
    if (!this.exit && !this.killedFor) {
      // A host that stopped answering on its way to a limit is out of memory or flooding, not stuck.
      const ended = reason.kind === 'timeout' ? await this.stuckOrSpending(reason) : reason;
      if (!this.exit && !this.killedFor) {
        this.killedFor = ended;
        this.end();
      }
    }
    return this.exited;
  }

  kill(): void {
    if (!this.exit) this.end();
  }

  /**
   * Kills the host. Under bubblewrap its Node goes first, so that bubblewrap's own processes end
   * and are reaped in order, leaving no zombie where the container's first process reaps none;
   * bubblewrap itself is killed a moment later if it is still there.
   */
  private end(): void {
    this.ending = true;
    if (this.nested && this.nodePid === null && this.reaperPid !== null) this.nodePid = firstChild(this.reaperPid);
    if (!this.nested) {
      this.child.kill('SIGKILL');
      return;
    }
    // A host still starting has no Node yet: its sandbox's first process goes instead, since one
    // left behind when bubblewrap is killed would start the Node, which keeps the grader waiting.
    const first = this.nodePid ?? this.reaperPid;
    if (first === null) {
      this.child.kill('SIGKILL');
      return;
    }
    this.killPid(first);
    setTimeout(() => {
      if (!this.exit) this.child.kill('SIGKILL');
    }, 500).unref();
  }

  private killPid(pid: number): void {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

export function formatSeconds(ms: number): string {
  const seconds = ms / 1000;
  return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)} s`;
}
