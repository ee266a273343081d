/**
 * Hostile and broken submissions (tests/hostile/*.ts, each a visit-counter view unless its case
 * names another exercise), each graded between two correct exercises: each gets its exact
 * verdict, the exercises around it keep their full marks, grading ends within its bound, the
 * kit's files are unchanged and nothing is written outside. Then the channel's attackers are
 * graded side by side with honest learners, who must keep every point, and the hogs, floods and
 * loops again with the default limits, three hosts at once. Below bubblewrap, the same proofs are
 * in hostile-below-bubblewrap.test.ts.
 */
import { existsSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCourse } from '../../grader/engine/course/course.js';
import { defaultLimits, gradeJobs, type GradedExercise } from '../../grader/engine/grading/grade.js';
import type { ExerciseResult, ExerciseStatus } from '../../grader/engine/results.js';
import { expected, fingerprint, hostileDir, limits, listening, outsideProofs, slackMs, v8Leftovers } from '../hostile-cases.js';
import { kitRoot } from '../run-kit.js';

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
  // One sequence of hosts: a second at the same time, on a machine of two processors, takes
  // never-answers (each of its requests left to its one-second time-out) past its exercise's limit.
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

  it.each(Object.entries(expected))('%s: gets its verdict, and the exercises around it keep full marks', (name, expectedCase) => {
    const [color, counter, del] = results.get(name) as [ExerciseResult, ExerciseResult, ExerciseResult];
    const busy = expectedCase.orWhenBusy;
    const want = busy && counter.status === busy.status ? { ...expectedCase, ...busy } : expectedCase;
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
