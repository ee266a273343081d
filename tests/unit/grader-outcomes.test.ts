/**
 * The grader on the fake course: one submission per outcome, graded in one run, so that each
 * verdict is proven together with "the other exercises are still graded".
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { grade } from '../../grader/engine/grading/grade.js';
import type { ExerciseResult, GradeResult } from '../../grader/engine/results.js';
import { fakeCourse, submission } from '../fake-course/course.js';

let result: GradeResult;
const streamed: string[] = [];
const byslug = (slug: string): ExerciseResult => {
  const found = result.exercises.find((exercise) => exercise.slug === slug);
  if (!found) throw new Error(`no result for ${slug}`);
  return found;
};

beforeAll(async () => {
  result = await grade({
    target: submission,
    exercises: fakeCourse,
    // Room for each check of a silent handler to be retried alone on a busy machine (fair-share.ts):
    // two checks of a request, a ping, the request again and a ping each, 4.4 s in all.
    limits: { requestTimeoutMs: 600, exerciseTimeoutMs: 6000, heapMb: 64 },
    typecheck: true,
    // Two hosts side by side: each verdict must still land on its own exercise, in order.
    lanes: 2,
    onExercise: (exercise) => streamed.push(exercise.slug),
  });
});

describe('grading one submission of every outcome', () => {
  it('gives full marks to a correct view', () => {
    expect(byslug('passes')).toMatchObject({ status: 'passed', score: 3, maxScore: 3, message: null });
  });

  it('fails a wrong view with expected and actual for the public check, and nothing of the hidden one', () => {
    const failed = byslug('fails');
    expect(failed).toMatchObject({ status: 'failed', score: 0, maxScore: 3 });
    const [visible, hidden] = failed.checks;
    expect(visible?.message).toBe('GET /ping answered 200 "pang", expected 200 "pong"');
    expect(visible?.details).toMatchObject({ expected: '200 "pong"', actual: '200 "pang"' });
    expect(visible?.details?.requests).toEqual(['visitor 1: GET /ping (no cookie) → 200 "pang"']);
    expect(hidden).toMatchObject({ visibility: 'hidden', passed: false, details: null });
  });

  it('reports a syntax error with its line', () => {
    const broken = byslug('compile-error');
    expect(broken.status).toBe('compile-error');
    expect(broken.message).toMatch(/^view\.ts does not compile: Expected "\)" but found "}"/);
    expect(broken.location).toMatchObject({ line: 5 });
    expect(broken.location?.file).toMatch(/compile-error\/view\.ts$/);
  });

  it('names a missing export', () => {
    expect(byslug('missing-export')).toMatchObject({
      status: 'missing-export',
      message: 'view.ts does not export the function `ping` (is `pong` meant to be `ping`?)',
      score: 0,
    });
  });

  it('reports a missing view.ts', () => {
    expect(byslug('missing-file').status).toBe('missing-file');
    expect(byslug('missing-file').message).toMatch(/missing-file\/view\.ts is missing$/);
  });

  it('reports a throw at import with the line of the throw', () => {
    const crashed = byslug('throws-at-import');
    expect(crashed.status).toBe('crashed');
    expect(crashed.message).toBe('view.ts threw while loading: Error: broken at import');
    expect(crashed.location?.line).toBe(3);
  });

  it('reports a process.exit() in a handler as a crash', () => {
    const crashed = byslug('exits-in-handler');
    expect(crashed.status).toBe('crashed');
    // Named with the request it was serving: the host said which it received last.
    expect(crashed.message).toBe('GET /ping got no answer: the app exited with code 3');
  });

  it('stops an endless loop in a handler as a timeout', () => {
    const stuck = byslug('loops-in-handler');
    expect(stuck.status).toBe('timeout');
    expect(stuck.message).toMatch(/the app stopped answering \(GET \/ping got no answer within 0\.6 s; an endless loop in `ping`\?\)/);
    expect(stuck.checks.map((check) => check.message)).toEqual([stuck.message, 'not run: the app had stopped']);
  });

  it('stops an endless loop at import as a timeout', () => {
    const stuck = byslug('loops-at-import');
    expect(stuck.status).toBe('timeout');
    expect(stuck.message).toMatch(/did not finish loading within 0\.6 s/);
  });

  it('fails a handler that never answers, and goes on with the next check', () => {
    const silent = byslug('never-answers');
    expect(silent.status).toBe('failed');
    const noAnswer = 'GET /ping got no answer within 0.6 s: does every path of the handler send an answer?';
    // The hidden check ran too, and failed with its title and hint alone: its message would name
    // the hidden check's request.
    expect(silent.checks.map((check) => [check.visibility, check.passed, check.message])).toEqual([
      ['public', false, noAnswer],
      ['hidden', false, null],
    ]);
  });

  it('shows the error a handler threw, with its line', () => {
    const threw = byslug('throws-in-handler');
    expect(threw.status).toBe('failed');
    expect(threw.checks[0]?.message).toBe(
      "GET /ping failed: the handler threw TypeError: Cannot read properties of undefined (reading 'name') (view.ts:5)",
    );
  });

  it('charges a throw after the answer to the check whose request it followed', () => {
    const threw = byslug('throws-after-answering');
    expect(threw.status).toBe('failed');
    // Express closed the connection after the answer, and the check passed; the next request failed.
    expect(threw.checks.map((check) => [check.visibility, check.passed, check.message])).toEqual([
      ['public', false, 'GET /ping answered, then the handler threw Error: thrown after the answer (view.ts:5)'],
      ['hidden', false, null],
    ]);
    expect(threw.checks[0]?.details?.requests).toEqual(['visitor 1: GET /ping (no cookie) → 200 "pong"']);
  });

    it('reports a view that exhausts its heap as out of memory', () => {
    const { status, message } = byslug('out-of-memory');
    expect({ status, message }).toEqual({ status: 'out-of-memory', message: 'the app used more memory than allowed' });
  });

  it('grades a view with a type error on behaviour, and warns with file:line', () => {
    const typed = byslug('type-error');
    expect(typed).toMatchObject({ status: 'passed', score: 3 });
    expect(typed.warnings).toEqual([
      {
        file: expect.stringMatching(/type-error\/view\.ts$/),
        line: 4,
        column: 9,
        message: "TS2322: Type 'number' is not assignable to type 'string'.",
      },
    ]);
    expect(byslug('passes').warnings).toEqual([]);
  });

  it('adds up the scores of all exercises', () => {
    expect(result.score).toBe(6);
    expect(result.maxScore).toBe(3 * result.exercises.length);
    expect(result.exercises.map((exercise) => exercise.slug)).toEqual(fakeCourse.map((exercise) => exercise.info.slug));
    expect(streamed).toEqual(fakeCourse.map((exercise) => exercise.info.slug));
  });
});
