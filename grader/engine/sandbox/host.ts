/**
 * The sandbox host: a process that runs learner code and nothing else.
 *
 * The grader starts it sealed (`isolation.ts`: bubblewrap, another user, or at least Node's
 * permission model) with two descriptors: fd 3, the private channel to the grader (`channel.ts`),
 * and fd 4, a listening TCP socket the grader opened on 127.0.0.1. The host has no network of its
 * own; the checks reach its apps through that socket. It runs one exercise's app at a time, with
 * a session store the grader keeps (`remote-store.ts`).
 */
import { isBuiltin } from 'node:module';
import http from 'node:http';
import net from 'node:net';
import timers from 'node:timers';
import timersPromises from 'node:timers/promises';
import os from 'node:os';
import traceEvents from 'node:trace_events';
import v8 from 'node:v8';
import type express from 'express';
import { FrameReader, encodeFrame, graderFrameLimits } from './channel.js';
import { startExerciseApp } from './exercise-app.js';
import { accessHeader, type GraderMessage, type HostMessage, type LoadRequest, type StoreAnswer, type StoreOp } from './protocol.js';
import { RemoteStore } from './remote-store.js';
import { RequestWitness } from './request-witness.js';

const channelFd = 3;
const listenFd = 4;

/**
 * The sandbox's clock: checks move it forward to expire sessions without waiting. Date.now and
 * `new Date()` both read it (express-session uses the one, learners' code often the other).
 */
const RealDate = Date;
const realNow = RealDate.now.bind(RealDate);
let clockOffsetMs = 0;
RealDate.now = () => realNow() + clockOffsetMs;
globalThis.Date = new Proxy(RealDate, {
  construct: (target, args: unknown[], newTarget) =>
    Reflect.construct(target, args.length === 0 ? [target.now()] : args, newTarget) as object,
  apply: (target) => new target(target.now()).toString(),
});

let channel: net.Socket | null = null;

function send(message: HostMessage): void {
  channel?.write(encodeFrame(message));
}

/** The app of the exercise being graded; requests between exercises get 503. */
let current: { slug: string; app: express.Express; accessKey: string } | null = null;
/** What the grader may ask of its requests after a connection broke or the app failed after answering. */
const witness = new RequestWitness();
const server = http.createServer((req, res) => {
  if (!current) res.writeHead(503).end('No exercise is loaded');
  else if (req.headers[accessHeader] !== current.accessKey) res.writeHead(403, { connection: 'close' }).end('Not the grader');
  else {
    witness.received(req, res);
    current.app(req, res);
  }
});
// The checks keep their connections for the whole exercise: one closed by the server's idle
// timeout as a check reuses it would fail that check.
server.keepAliveTimeout = 0;

let nextStoreId = 1;
const storeAnswers = new Map<number, (answer: StoreAnswer) => void>();

function askStore(op: StoreOp): Promise<StoreAnswer> {
  const id = nextStoreId++;
  return new Promise((resolve) => {
    storeAnswers.set(id, resolve);
    send({ type: 'store', id, op });
  });
}

function load(request: LoadRequest & { accessKey: string }): void {
  clockOffsetMs = 0;
  witness.reset();
  const outcome = startExerciseApp(request, new RemoteStore(askStore), { threwAfterAnswer: (req, message) => witness.threw(req, message) });
  if (!outcome.ok) {
    send({ type: 'load-failed', slug: request.slug, kind: outcome.kind, message: outcome.message, location: outcome.location });
    return;
  }
  current = { slug: request.slug, app: outcome.app, accessKey: request.accessKey };
  send({ type: 'loaded', slug: request.slug });
}

function handle(message: GraderMessage): void {
  switch (message.type) {
    case 'load':
      load(message);
      break;
    case 'store-answer': {
      const answer = storeAnswers.get(message.id);
      storeAnswers.delete(message.id);
      answer?.(message.answer);
      break;
    }
    case 'ping':
      send({ type: 'pong', id: message.id });
      break;
    case 'requests':
      send({ type: 'requests', id: message.id, ...witness.answer(message.ask) });
      break;
    case 'clock':
      clockOffsetMs += message.advanceMs;
      send({ type: 'pong', id: message.id });
      break;
    case 'unload':
      if (current?.slug === message.slug) current = null;
      witness.reset();
      server.closeAllConnections();
      clearExerciseTimers();
      break;
  }
}


/**
 * Learner code may call process.kill. Sealed hosts see no other process; under Node's permission
 * model alone, this keeps a view from signalling the grader. process.kill goes through
 * process._kill, which is replaced for good.
 */
function guardProcessKill(): void {
  type RawKill = (pid: number, signal: number) => number;
  const internals = process as unknown as { _kill: RawKill };
  const rawKill = internals._kill.bind(process);
  const guarded: RawKill = (pid, signal) => {
    if (pid !== process.pid) throw new Error('The sandbox does not allow signalling other processes.');
    return rawKill(pid, signal);
  };
  Object.defineProperty(process, '_kill', { value: guarded, writable: false, configurable: false });
}

/** Puts `value` in place of `owner[name]` for good: not writable, not configurable. */
function replaceForGood(owner: object, name: string, value: unknown): void {
  Object.defineProperty(owner, name, { value, writable: false, configurable: false, enumerable: true });
}

function refusal(what: string): () => never {
  return () => {
    throw new Error(`The sandbox does not allow ${what}.`);
  };
}

/**
 * What Node's permission model does not stop, taken away before any learner code runs. Node's
 * permission model leaves these open, and each would reach beyond the host:
 *
 * - `process._debugProcess(pid)` sends another process the signal that opens its inspector on
 *   127.0.0.1:9229 (the grader's, under the permission model alone: code run in the grader);
 *   `os.setPriority(pid)` renices another process;
 * - V8's flags (`--logfile`, `--prof`, `--redirect-code-traces-to`, …), heap snapshots near the
 *   heap limit, trace events, diagnostic reports written on a signal, a crash or an uncaught
 *   exception, and SQLite databases (Node 22) write files the permission model never checks.
 *
 * `process.binding` is refused by the permission model and `internalBinding` is not reachable, so
 * nothing here can be recovered; each replacement is fixed (not writable, not configurable).
 */
function denyTheMeans(): void {
  // A Unix socket is a file: at the levels below bubblewrap it would appear wherever the path says.
  const rawListen = net.Server.prototype.listen as (...args: unknown[]) => net.Server;
  replaceForGood(net.Server.prototype, 'listen', function listen(this: net.Server, ...args: unknown[]): net.Server {
    const [first] = args;
    const onPath = (typeof first === 'string' && !/^\d+$/.test(first)) || (typeof first === 'object' && first !== null && 'path' in first);
    if (onPath) throw new Error('The sandbox does not allow listening on a path (a Unix socket is a file).');
    return rawListen.apply(this, args);
  });
  replaceForGood(process, '_debugProcess', refusal('opening the inspector of a process'));
  const rawSetPriority = os.setPriority.bind(os);
  replaceForGood(os, 'setPriority', (...args: [number, number] | [number]) => {
    const pid = args.length >= 2 ? args[0] : 0;
    if (pid !== 0 && pid !== process.pid) throw new Error('The sandbox does not allow changing the priority of other processes.');
    return (rawSetPriority as (...all: unknown[]) => void)(...args);
  });
  replaceForGood(v8, 'setFlagsFromString', refusal("changing V8's flags"));
  replaceForGood(v8, 'setHeapSnapshotNearHeapLimit', refusal('heap snapshots'));
  replaceForGood(v8, 'writeHeapSnapshot', refusal('heap snapshots'));
  replaceForGood(traceEvents, 'createTracing', refusal('trace events'));
  const report = process.report;
  for (const [name, descriptor] of Object.entries(Object.getOwnPropertyDescriptors(report))) {
    if (descriptor.set) Object.defineProperty(report, name, { get: descriptor.get, set: refusal('diagnostic reports'), configurable: false, enumerable: true });
  }
  replaceForGood(report, 'writeReport', refusal('diagnostic reports'));
  Object.freeze(report);
  replaceForGood(process, 'report', report);
  if (isBuiltin('node:sqlite')) {
    const sqlite = process.getBuiltinModule?.('node:sqlite') as Record<string, unknown> | undefined;
    for (const name of Object.keys(sqlite ?? {})) replaceForGood(sqlite as object, name, refusal('SQLite databases'));
  }
}

/** Timers set since the exercise loaded: none of them may fire while the next exercise is graded. */
const exerciseTimers = new Set<unknown>();
/** Aborts the promise timers (`node:timers/promises`) set since the exercise loaded. */
let exerciseAbort = new AbortController();

/**
 * The global timer functions, and `node:timers`' own, keep what they set, so that unloading an
 * exercise clears every timer its code left (a failure in it would otherwise be charged to the
 * exercise graded next).
 */
function trackTimers(): void {
  for (const name of ['setTimeout', 'setInterval', 'setImmediate'] as const) {
    const raw = globalThis[name] as (...args: unknown[]) => unknown;
    const tracked = (...args: unknown[]): unknown => {
      const handle = raw(...args);
      exerciseTimers.add(handle);
      return handle;
    };
    Object.defineProperty(tracked, 'name', { value: name });
    (globalThis as Record<string, unknown>)[name] = tracked;
    (timers as Record<string, unknown>)[name] = tracked;
  }
  // The promise forms take an AbortSignal: the exercise's, beside the caller's. An aborted one
  // never settles, since its rejection would surface in the next exercise as the app's crash.
  const promises = timersPromises as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
  for (const [name, optionsAt] of [['setTimeout', 2], ['setImmediate', 1]] as const) {
    const raw = promises[name] as (...args: unknown[]) => Promise<unknown>;
    promises[name] = (...args: unknown[]): Promise<unknown> => {
      const { signal } = exerciseAbort;
      const options = (args[optionsAt] ?? {}) as { signal?: AbortSignal };
      const both = options.signal ? AbortSignal.any([options.signal, signal]) : signal;
      const given = [...args];
      given[optionsAt] = { ...options, signal: both };
      return new Promise((resolve, reject) => {
        raw(...given).then(resolve, (error: unknown) => {
          if (!signal.aborted) reject(error);
        });
      });
    };
  }
}

function clearExerciseTimers(): void {
  for (const handle of exerciseTimers) {
    clearTimeout(handle as NodeJS.Timeout);
    clearImmediate(handle as NodeJS.Immediate);
  }
  exerciseTimers.clear();
  exerciseAbort.abort();
  exerciseAbort = new AbortController();
}

/** Opens the channel and the listening socket; `host-loader.ts` calls it (not when it only makes the code cache). */
export function main(): void {
  denyTheMeans();
  trackTimers();
  channel = new net.Socket({ fd: channelFd, readable: true, writable: true });
  // An orphaned host must not outlive the grader that started it.
  channel.on('end', () => process.exit(0));
  channel.on('error', () => process.exit(0));
  const reader = new FrameReader(graderFrameLimits, (value) => handle(value as GraderMessage), () => process.exit(70));
  channel.on('data', (chunk: Buffer) => reader.push(chunk));
  // A host that dies (an uncaught exception, process.exit) names the request it received last, so
  // that the grader charges the crash to the check that sent it, not to the next request to fail.
  process.on('exit', () => {
    const request = witness.lastRequest();
    if (request !== null && channel?.writable) send({ type: 'last-request', request });
  });
  // Written at once, not buffered in the host: the grader counts what the app prints as it prints
  // it, and a flood meets the grader's allowance during the exercise that printed it.
  for (const stream of [process.stdout, process.stderr]) {
    (stream as unknown as { _handle?: { setBlocking?: (blocking: boolean) => void } })._handle?.setBlocking?.(true);
  }
  process.setSourceMapsEnabled(true);
  guardProcessKill();
  server.listen({ fd: listenFd }, () => send({ type: 'ready' }));
}
