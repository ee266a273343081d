/**
 * The hostile and broken submissions of tests/hostile/ as the hostile tests grade them: each case's
 * verdict, the limits they are graded with, and the proofs that nothing left the sandbox (files
 * outside, V8's leftovers, an inspector, the kit's files unchanged). Shared by the files that grade
 * them, so that each can run beside the others.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { Limits } from '../grader/engine/grading/grade.js';
import type { ExerciseStatus } from '../grader/engine/results.js';
import { kitRoot } from './run-kit.js';

export const hostileDir = path.join(kitRoot, 'tests', 'hostile');
export const limits: Limits = { requestTimeoutMs: 1000, exerciseTimeoutMs: 8000, heapMb: 128 };
/** Killing a stuck host and starting the next one may take this much beyond the exercise's limit. */
export const slackMs = 3000;
const spawnProof = '/tmp/session-kit-hostile-spawn';
/** Files a hostile view tries to make outside its sandbox: none may exist afterwards. */
export const outsideProofs = [
  spawnProof,
  ...['/tmp', '/var/tmp', '/dev/shm'].map((dir) => path.join(dir, 'session-kit-hostile-v8-trace')),
  '/tmp/session-kit-hostile-sqlite',
  path.join(kitRoot, '.npmrc'),
  ...[kitRoot, '/tmp', '/dev/shm'].map((dir) => path.join(dir, 'session-kit-hostile-socket')),
];
/** The machine's shared folders, where a host of a user of its own could write. */
const sharedDirs = ['/tmp', '/var/tmp', '/dev/shm'];

/** What V8, Node's tracing and reports name their files, in the shared folders. */
export function v8Leftovers(): string[] {
  return sharedDirs.flatMap((dir) => {
    try {
      return readdirSync(dir)
        .filter((name) => /^(node_trace|perf-\d+\.map|isolate-|report\.|Heap\.)|turbo|session-kit-hostile/.test(name))
        .map((name) => path.join(dir, name));
    } catch {
      return [];
    }
  });
}

/** Whether something accepts connections on 127.0.0.1:`port` (an inspector on its default port). */
export function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
export const channelViolation = /^the app wrote to the grader's channel \(/;

export interface Case {
  status: ExerciseStatus;
  /** The exercise the case's view is written for (default: visit-counter). */
  exercise?: 'favorite-color' | 'user-id' | 'delete-key' | 'flash-message';
  message?: RegExp;
  check?: RegExp;
  /** A check that must fail: the one the trick was meant to fool. */
  fails?: string;
  /** How long the verdict may take, when it must come sooner than the exercise's limit. */
  withinMs?: number;
  /**
   * The other verdict a busy machine may give first, when two of the grader's limits race to stop
   * the same app: either stops it, and the exercises around it keep full marks.
   */
  orWhenBusy?: { status: ExerciseStatus; message: RegExp };
}

/** Judging a stuck host takes its request's time-out and a ping; this much more on a busy machine. */
export const stuckSlackMs = 2000;

/** Each case's verdict, and what its message must say. */
export const expected: Record<string, Case> = {
  'loops-in-handler': {
    status: 'timeout',
    message: /^the app stopped answering \(GET \/visits got no answer within 1 s; an endless loop in `countVisit`\?\)$/,
    withinMs: limits.requestTimeoutMs + stuckSlackMs,
  },
  'loops-at-import': { status: 'timeout', message: /did not finish loading within 1 s/ },
  'never-answers': { status: 'failed', check: /^GET \/visits got no answer within 1 s: does every path of the handler send an answer\?$/ },
  'throws-at-import': { status: 'crashed', message: /^view\.ts threw while loading: Error: broken before anything runs$/ },
  'throws-in-handler': { status: 'failed', check: /failed: the handler threw TypeError: Cannot read properties of undefined \(reading 'count'\) \(throws-in-handler\.ts:4\)$/ },
  'rejects-in-async-handler': { status: 'failed', check: /failed: the handler threw RangeError: async trouble \(rejects-in-async-handler\.ts:5\)$/ },
  'throws-in-timer': { status: 'crashed', message: /^GET \/visits answered, then the app crashed: Error: thrown from a timer$/ },
  exits: { status: 'crashed', message: /^GET \/visits got no answer: the app exited with code 7$/ },
  'kills-itself': { status: 'crashed', message: /^the app was killed \(SIGKILL\)$/ },
  'kills-the-grader': { status: 'failed', check: /the handler threw Error: The sandbox does not allow signalling other processes\./ },
  'unbounded-memory': { status: 'out-of-memory', message: /^the app used more memory than allowed$/ },
  'unbounded-buffers': { status: 'out-of-memory', message: /^the app used more memory than allowed$/ },
  'unbounded-memory-slowly': { status: 'out-of-memory', message: /^the app used more memory than allowed$/ },
  'unbounded-buffers-slowly': { status: 'out-of-memory', message: /^the app used more memory than allowed$/ },
  'unbounded-output-slowly': { status: 'crashed', message: /^the app printed more than 8 MiB$/ },
  'bigint-in-session': { status: 'failed', check: /the session could not be saved \(TypeError: Do not know how to serialize a BigInt\)/ },
  'circular-in-session': { status: 'failed', check: /the session could not be saved \(TypeError: Converting circular structure to JSON\)/ },
  'syntax-error': { status: 'compile-error', message: /^view\.ts does not compile: Unexpected ";"$/ },
  'missing-export': { status: 'missing-export', message: /^view\.ts does not export the function `countVisit` \(is `countVisits` meant to be `countVisit`\?\)$/ },
  'writes-kit-files': { status: 'passed' },
  'spawns-a-program': { status: 'passed' },
  'reads-hidden-checks': { status: 'failed', check: /ERR_ACCESS_DENIED|Access to this API has been restricted/ },
  'prints-a-fake-report': { status: 'failed' },
  'huge-answer': { status: 'failed' },
  'forges-ipc-messages': { status: 'passed' },
  'counts-per-connection': { status: 'failed' },
  'forges-store-frames': { status: 'failed', fails: 'visit-counter/count-from-store' },
  'patches-the-store': { status: 'failed', exercise: 'user-id', fails: 'user-id/user-from-store' },
  'signs-its-own-cookie': { status: 'failed', exercise: 'favorite-color', fails: 'favorite-color/data-on-server' },
  'rewrites-kit-routes': { status: 'failed', exercise: 'delete-key', fails: 'delete-key/language-survives' },
  'writes-through-v8-flags': { status: 'passed' },
  'opens-the-graders-inspector': { status: 'passed' },
  'renices-the-grader': { status: 'passed' },
  'reads-the-build': { status: 'passed' },
  'writes-raw-bytes-to-the-channel': { status: 'crashed', message: channelViolation },
  'floods-the-channel': { status: 'crashed', message: channelViolation },
  'fakes-its-load-failure': { status: 'crashed', message: /^view\.ts threw while loading: Error: ✔ visit-counter 10\/10$/ },
  'prints-a-flood': { status: 'crashed', message: /^the app printed more than 8 MiB$/ },
  'floods-the-store': { status: 'passed' },
  'stores-deep-records': { status: 'failed', exercise: 'user-id' },
  'touches-a-large-record': { status: 'passed' },
  'listens-on-a-path': { status: 'passed' },
  'floods-the-store-with-all': {
    status: 'crashed',
    message: /^the app kept the grader busy with session store calls for more than 0\.5 s/,
    // Its own parsing of each 4 MiB answer can keep it from answering first (seen on Node 26).
    orWhenBusy: { status: 'timeout', message: /^the app stopped answering \(GET \/visits got no answer within 1 s; an endless loop in `countVisit`\?\)$/ },
  },
  'retries-slowly': { status: 'failed' },
  'hoards-connections': { status: 'passed' },
  'throws-after-answering': {
    status: 'failed',
    exercise: 'flash-message',
    check: /^GET \/flash answered, then the handler threw TypeError: the flash is gone \(throws-after-answering\.ts:28\)$/,
    fails: 'flash-message/removed-from-store',
  },
  'closes-the-connection-after-answering': {
    status: 'failed',
    exercise: 'flash-message',
    check: /^GET \/flash answered, then the app closed the connection: does the handler destroy its socket\?$/,
    fails: 'flash-message/removed-from-store',
  },
  'crashes-after-answering': {
    status: 'crashed',
    exercise: 'flash-message',
    message: /^GET \/flash answered, then the app crashed: TypeError: the flash is gone$/,
    check: /^GET \/flash answered, then the app crashed: TypeError: the flash is gone$/,
    fails: 'flash-message/removed-from-store',
  },
};

export function fingerprint(): string {
  const hash = createHash('sha256');
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else hash.update(full).update(readFileSync(full));
    }
  };
  for (const dir of ['exercises', 'solutions', 'grader', 'tests']) walk(path.join(kitRoot, dir));
  hash.update(readFileSync(path.join(kitRoot, 'package.json')));
  // A new file at the top (an .npmrc, a trace log) would run or leak at the next npm run.
  hash.update(readdirSync(kitRoot).filter((name) => !['.kit-state', '.kit-build', 'node_modules'].includes(name)).sort().join('\n'));
  return hash.digest('hex');
}
