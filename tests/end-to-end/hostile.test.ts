/**
 * Hostile and broken submissions (tests/hostile/*.ts, each a visit-counter view unless its case
 * names another exercise), each graded between two correct exercises: each gets its exact
 * verdict, the exercises around it keep their full marks, grading ends within its bound, the
 * kit's files are unchanged and nothing is written outside. Then the channel's attackers are
 * graded side by side with honest learners, who must keep every point, and the hogs, floods and
 * loops again with the default limits, three hosts at once.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCourse } from '../../grader/engine/course/course.js';
import { defaultLimits, gradeJobs, type GradedExercise, type Limits } from '../../grader/engine/grading/grade.js';
import type { ExerciseResult, ExerciseStatus } from '../../grader/engine/results.js';
import { isolationSupport, type IsolationLevel } from '../../grader/engine/sandbox/isolation.js';
import { demandIsolation } from '../../grader/engine/sandbox/sandbox.js';
import { kitRoot } from '../run-kit.js';

const hostileDir = path.join(kitRoot, 'tests', 'hostile');
const limits: Limits = { requestTimeoutMs: 1000, exerciseTimeoutMs: 8000, heapMb: 128 };
/** Killing a stuck host and starting the next one may take this much beyond the exercise's limit. */
const slackMs = 3000;
const spawnProof = '/tmp/session-kit-hostile-spawn';
/** Files a hostile view tries to make outside its sandbox: none may exist afterwards. */
const outsideProofs = [
  spawnProof,
  ...['/tmp', '/var/tmp', '/dev/shm'].map((dir) => path.join(dir, 'session-kit-hostile-v8-trace')),
  '/tmp/session-kit-hostile-sqlite',
  path.join(kitRoot, '.npmrc'),
  ...[kitRoot, '/tmp', '/dev/shm'].map((dir) => path.join(dir, 'session-kit-hostile-socket')),
];
/** The machine's shared folders, where a host of a user of its own could write. */
const sharedDirs = ['/tmp', '/var/tmp', '/dev/shm'];

/** What V8, Node's tracing and reports name their files, in the shared folders. */
function v8Leftovers(): string[] {
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
function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
const channelViolation = /^the app wrote to the grader's channel \(/;

interface Case {
  status: ExerciseStatus;
  /** The exercise the case's view is written for (default: visit-counter). */
  exercise?: 'favorite-color' | 'user-id' | 'delete-key' | 'flash-message';
  message?: RegExp;
  check?: RegExp;
  /** A check that must fail: the one the trick was meant to fool. */
  fails?: string;
  /** How long the verdict may take, when it must come sooner than the exercise's limit. */
  withinMs?: number;
}

/** Judging a stuck host takes its request's time-out and a ping; this much more on a busy machine. */
const stuckSlackMs = 2000;

/** Each case's verdict, and what its message must say. */
const expected: Record<string, Case> = {
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
  'floods-the-store-with-all': { status: 'crashed', message: /^the app kept the grader busy with session store calls for more than 0\.5 s/ },
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

function fingerprint(): string {
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

const results = new Map<string, ExerciseResult[]>();
let before = '';

let course: Map<string, GradedExercise>;
let leftoversBefore: string[] = [];
const priorityBefore = os.getPriority();
const solution = (exercise: GradedExercise): string => path.join(kitRoot, 'solutions', exercise.info.slug, 'view.ts');

beforeAll(async () => {
  for (const proof of outsideProofs) rmSync(proof, { force: true });
  leftoversBefore = v8Leftovers();
  before = fingerprint();
  course = new Map((await loadCourse(['favorite-color', 'visit-counter', 'delete-key', 'user-id', 'flash-message'])).map((exercise) => [exercise.info.slug, exercise]));
  const [color, del] = [course.get('favorite-color'), course.get('delete-key')] as [GradedExercise, GradedExercise];
  const cases = Object.keys(expected);
  const jobs = cases.flatMap((name) => [
    { exercise: color, file: solution(color) },
    { exercise: course.get(expected[name]?.exercise ?? 'visit-counter') as GradedExercise, file: path.join(hostileDir, `${name}.ts`) },
    { exercise: del, file: solution(del) },
  ]);
  const graded = await gradeJobs(jobs, { limits, typecheck: false });
  cases.forEach((name, index) => results.set(name, graded.slice(3 * index, 3 * index + 3)));
}, 180_000);

describe('a hostile or broken submission', () => {
  it('has a case file for every expected verdict, and the reverse', () => {
    const files = readdirSync(hostileDir).map((file) => file.replace(/\.ts$/, '')).sort();
    expect(files).toEqual(Object.keys(expected).sort());
  });

  it.each(Object.entries(expected))('%s: gets its verdict, and the exercises around it keep full marks', (name, want) => {
    const [color, counter, del] = results.get(name) as [ExerciseResult, ExerciseResult, ExerciseResult];
    // With the message beside it, a wrong verdict says which limit or deadline gave it.
    expect([counter.status, counter.message]).toEqual([want.status, counter.message]);
    if (want.message) expect(counter.message).toMatch(want.message);
    if (want.check) expect(counter.checks.map((check) => check.message ?? '')).toContainEqual(expect.stringMatching(want.check));
    if (want.fails) expect(counter.checks.find((check) => check.id === want.fails)?.passed).toBe(false);
    if (want.status === 'passed') expect(counter.score).toBe(counter.maxScore);
    else expect(counter.score).toBeLessThan(counter.maxScore);
    for (const neighbour of [color, del]) expect([neighbour.slug, neighbour.status, neighbour.score]).toEqual([neighbour.slug, 'passed', neighbour.maxScore]);
    expect(counter.durationMs).toBeLessThan(want.withinMs ?? limits.exerciseTimeoutMs + slackMs);
  });

  it('changes nothing of the kit on disk, writes nothing outside and starts no program', () => {
    expect(fingerprint()).toBe(before);
    for (const proof of outsideProofs) expect(existsSync(proof), proof).toBe(false);
    expect(v8Leftovers().filter((file) => !leftoversBefore.includes(file))).toEqual([]);
  });

  it("cannot open the grader's inspector or lower its priority", async () => {
    expect(await listening(9229)).toBe(false);
    expect(os.getPriority()).toBe(priorityBefore);
  });

  it('shows a forged load failure on one line, without escape sequences', () => {
    const counter = results.get('fakes-its-load-failure')?.[1] as ExerciseResult;
    expect([...(counter.message ?? '')].filter((char) => (char.codePointAt(0) ?? 0) < 0x20)).toEqual([]);
  });

  it('cannot read the hidden checks into its answers', () => {
    expect(JSON.stringify(results.get('reads-hidden-checks'))).not.toContain('hiddenChecks(');
  });

  it('keeps what it prints quoted and stripped of escape sequences, outside the score', () => {
    const counter = results.get('prints-a-fake-report')?.[1] as ExerciseResult;
    expect(counter.output).toContain('Total: 100/100 (100%), 11 of 11 exercises passed');
    expect(counter.output).not.toContain('\u001b');
    expect(counter.score).toBeLessThan(counter.maxScore);
  });

  it('cannot tell visitors apart by their connections', () => {
    const counter = results.get('counts-per-connection')?.[1] as ExerciseResult;
    expect(counter.checks.find((check) => check.id === 'visit-counter/visitors-apart')?.passed).toBe(false);
  });

  // Each fails once, after answering GET /flash in removed-from-store; the next check begins with
  // the kit's own POST /language, on the connection that request used.
  it.each(['throws-after-answering', 'closes-the-connection-after-answering', 'crashes-after-answering'])(
    '%s: the failure after an answer is charged to the check that sent the request, never to the kit\'s',
    (name) => {
      const flash = results.get(name)?.[1] as ExerciseResult;
      const failed = flash.checks.filter((check) => !check.passed);
      const [charged] = failed;
      expect(charged?.id).toBe('flash-message/removed-from-store');
      expect(charged?.details?.requests.at(-1)).toBe('visitor 1: GET /flash (with cookie) → 200 "Message: note-5163"');
      // The next checks ran as usual, on a connection that works; a crash leaves them not run, none of them charged.
      const after = failed.slice(1).map((check) => [check.id, check.message]);
      if (flash.status === 'crashed') for (const [, message] of after) expect(message).toBe('not run: the app had stopped');
      else expect(after).toEqual([]);
      expect(JSON.stringify(flash.checks.map((check) => check.message))).not.toContain('POST /language');
    },
  );

  it('cuts a huge answer', () => {
    const counter = results.get('huge-answer')?.[1] as ExerciseResult;
    expect(JSON.stringify(counter).length).toBeLessThan(100_000);
  });
});

describe('learners graded beside an attacker of the channel', () => {
  it('keep every point, and each attacker gets its verdict', async () => {
    const [color, counter, del] = ['favorite-color', 'visit-counter', 'delete-key'].map((slug) => course.get(slug) as GradedExercise) as [GradedExercise, GradedExercise, GradedExercise];
    const attackers = ['floods-the-channel', 'writes-raw-bytes-to-the-channel', 'prints-a-flood', 'loops-in-handler'];
    const honest = [color, counter, del].map((exercise) => ({ exercise, file: solution(exercise) }));
    // Side by side: three lanes, so honest checks run while each attacker does its worst.
    const jobs = attackers.flatMap((name) => [{ exercise: counter, file: path.join(hostileDir, `${name}.ts`) }, ...honest]);
    const graded = await gradeJobs(jobs, { limits, typecheck: false, lanes: 3 });
    attackers.forEach((name, index) => {
      const [attacker, ...others] = graded.slice(4 * index, 4 * index + 4) as [ExerciseResult, ...ExerciseResult[]];
      expect([name, attacker.status]).toEqual([name, expected[name]?.status]);
      for (const other of others) expect([name, other.slug, other.score]).toEqual([name, other.slug, other.maxScore]);
    });
  }, 120_000);
});

describe('resource verdicts with the default limits', () => {
  // Three hosts at once (more than a small machine has processors), and hogs that allocate no faster
  // than a busy machine lets them: the verdicts must not need a quiet machine.
  it('end every hog and flood at its limit and an endless loop as a timeout, each within its bound', async () => {
    const counter = course.get('visit-counter') as GradedExercise;
    const want: Record<string, ExerciseStatus> = {
      'unbounded-memory': 'out-of-memory',
      'unbounded-buffers': 'out-of-memory',
      'unbounded-memory-slowly': 'out-of-memory',
      'unbounded-buffers-slowly': 'out-of-memory',
      'unbounded-output-slowly': 'crashed',
      'loops-in-handler': 'timeout',
    };
    const names = Object.keys(want);
    const graded = await gradeJobs(
      names.map((name) => ({ exercise: counter, file: path.join(hostileDir, `${name}.ts`) })),
      { limits: defaultLimits, typecheck: false, lanes: 3 },
    );
    // Each message is there to say, on a wrong verdict, which limit or deadline gave it.
    const got = graded.map((result, index) => [names[index], result.status, result.message]);
    expect(got).toEqual(Object.entries(want).map(([name, status]) => [name, status, expect.any(String)]));
    for (const result of graded) expect(result.durationMs).toBeLessThan(defaultLimits.exerciseTimeoutMs + slackMs);
  }, 120_000);
});

describe('below bubblewrap (a user of its own, the permission model alone)', () => {
  // Where the grader is not out of reach: the same process tree, the same machine's folders.
  const cases = ['opens-the-graders-inspector', 'renices-the-grader', 'writes-through-v8-flags', 'listens-on-a-path', 'kills-the-grader'];

  it.for(['uid', 'permission-model'] as IsolationLevel[])(
    'at %s, runs no code in the grader, cannot renice or signal it, writes no file outside',
    async (level, context) => {
      const support = await isolationSupport();
      if (level === 'uid' && support.missing.uid) context.skip(support.missing.uid);
      const counter = course.get('visit-counter') as GradedExercise;
      const leftovers = v8Leftovers();
      const kit = fingerprint();
      demandIsolation(level);
      let graded: ExerciseResult[];
      try {
        graded = await gradeJobs(cases.map((name) => ({ exercise: counter, file: path.join(hostileDir, `${name}.ts`) })), { limits, typecheck: false });
      } finally {
        demandIsolation(null);
      }
      expect(graded.map((result, index) => [cases[index], result.status])).toEqual(cases.map((name) => [name, expected[name]?.status]));
      expect(await listening(9229)).toBe(false);
      expect(os.getPriority()).toBe(priorityBefore);
      expect(fingerprint()).toBe(kit);
      for (const proof of outsideProofs) expect(existsSync(proof), proof).toBe(false);
      expect(v8Leftovers().filter((file) => !leftovers.includes(file))).toEqual([]);
    },
  );
});
