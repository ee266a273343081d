/**
 * What a hidden check sends stays with the grader: views that record every request they get and
 * show the record (printed, in a later exercise's answers, in a crash's message) give nothing of a
 * hidden check away. A host runs the public checks of all its exercises before any hidden one, and
 * nothing the app printed or said after its first hidden request reaches the results.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hiddenChecks, publicChecks } from '../../grader/engine/check-language/check.js';
import { expectAnswer } from '../../grader/engine/check-language/expect.js';
import { gradeJobs, type GradedExercise } from '../../grader/engine/grading/grade.js';
import type { ExerciseResult } from '../../grader/engine/results.js';

/** What the hidden check alone sends, in its request's query. */
const secret = 'hidden-marker-7f3a';

const checks = [
  ...hiddenChecks([
    {
      id: 'ping/hidden',
      title: 'Answers pong to a hidden request',
      level: 'medium',
      points: 1,
      hint: 'Send "pong" every time.',
      async run(t) {
        expectAnswer(await t.visitor('hidden visitor').get(`/ping?mark=${secret}`), 200, 'pong');
      },
    },
  ]),
  // Written after the hidden check on purpose: the grader runs the public ones first all the same.
  ...publicChecks([
    {
      id: 'ping/public',
      title: 'Answers pong',
      level: 'easy',
      points: 1,
      hint: 'Send "pong".',
      async run(t) {
        expectAnswer(await t.visitor().get('/ping'), 200, 'pong');
      },
    },
  ]),
];

function exercise(slug: string): GradedExercise {
  return {
    info: { slug, title: slug, level: 'easy', routes: [{ method: 'GET', path: '/ping', handler: 'view:ping' }], hints: ['Send "pong".'] },
    checks,
    hiddenChecksIncluded: true,
  };
}

/** Each view keeps what it saw where a later exercise's code would find it in a shared process. */
const views: Record<string, string> = {
  // Records and prints every request, and answers correctly.
  records: `
    const seen: string[] = ((globalThis as any).seen ??= []);
    export function ping(req: any, res: any) {
      seen.push(req.url);
      console.log('saw ' + req.url);
      res.send('pong');
    }`,
  // Shows whatever an earlier exercise recorded, in its answer and its output.
  tells: `
    export function ping(req: any, res: any) {
      const seen = (globalThis as any).seen ?? [];
      console.log('earlier: ' + JSON.stringify(seen));
      res.send('pong ' + JSON.stringify(seen));
    }`,
  // Dies during the hidden check with the request in its last words.
  crashes: `
    export function ping(req: any, res: any) {
      if (req.url.includes('mark=')) setTimeout(() => { throw new Error('saw ' + req.url); });
      else res.send('pong');
    }`,
  // Throws the request back at the checks as its error.
  throws: `
    export function ping(req: any, res: any) {
      if (req.url.includes('mark=')) throw new Error('saw ' + req.url);
      res.send('pong');
    }`,
  // Leaves timers that throw a moment after its exercise: a callback and a promise.
  'leaves-a-timer': `
    import { setTimeout as sleep } from 'node:timers/promises';
    export function ping(req: any, res: any) {
      setTimeout(() => { throw new Error('left behind'); }, 300);
      void sleep(300).then(() => { throw new Error('left behind, as a promise'); });
      res.send('pong');
    }`,
  // The same with the promise only.
  'leaves-a-promise-timer': `
    import { setTimeout as sleep } from 'node:timers/promises';
    export function ping(req: any, res: any) {
      void sleep(300).then(() => { throw new Error('left behind, as a promise'); });
      res.send('pong');
    }`,
  'after-a-promise-timer': `
    export function ping(req: any, res: any) {
      setTimeout(() => res.send('pong'), 500);
    }`,
  // Graded right after it, slowly enough for that timer to fire meanwhile.
  'after-a-timer': `
    export function ping(req: any, res: any) {
      setTimeout(() => res.send('pong'), 500);
    }`,
  // Hangs on the hidden request, printing it first.
  hangs: `
    export function ping(req: any, res: any) {
      console.error('waiting on ' + req.url);
      if (!req.url.includes('mark=')) res.send('pong');
    }`,
};

let target: string;
let results: ExerciseResult[];
const bySlug = (slug: string): ExerciseResult => results.find((result) => result.slug === slug) as ExerciseResult;

beforeAll(async () => {
  target = mkdtempSync(path.join(tmpdir(), 'hidden-stays-hidden-'));
  for (const [slug, code] of Object.entries(views)) {
    mkdirSync(path.join(target, slug));
    writeFileSync(path.join(target, slug, 'view.ts'), code);
  }
  // One lane: `tells` runs in the very process `records` ran in.
  const jobs = Object.keys(views).map((slug) => ({ exercise: exercise(slug), file: path.join(target, slug, 'view.ts') }));
  results = await gradeJobs(jobs, { limits: { requestTimeoutMs: 1000, exerciseTimeoutMs: 8000, heapMb: 64 }, typecheck: false, lanes: 1 });
});

afterAll(() => rmSync(target, { recursive: true, force: true }));

describe('hidden checks stay hidden', () => {
  it('lets nothing of a hidden request reach any result', () => {
    expect(JSON.stringify(results)).not.toContain(secret);
  });

  it("shows no hidden check's duration, which the app could stretch to carry what it saw", () => {
    for (const result of results) {
      expect(result.checks.filter((check) => check.visibility === 'hidden').map((check) => check.durationMs)).toEqual([0]);
    }
    // The hanging view held its hidden check for a whole second; its exercise shows the public check's time only.
    expect(bySlug('hangs').durationMs).toBeLessThan(900);
  });

  it('runs public checks first and keeps what the app printed before the first hidden request', () => {
    const records = bySlug('records');
    expect(records.status).toBe('passed');
    expect(records.checks.map((check) => check.id)).toEqual(['ping/public', 'ping/hidden']);
    expect(records.output).toContain('saw /ping');
  });

  it("runs a later exercise's public checks before any hidden request has reached the host", () => {
    // `records` saw its own public request, and nothing else yet, when `tells` answered.
    const tells = bySlug('tells');
    expect(tells.output).toContain('earlier: ["/ping"]');
    expect(tells.checks[0]?.details?.actual).toContain('pong [\\"/ping\\"]');
  });

  it('clears the timers an exercise left before the next one is graded', () => {
    expect(bySlug('after-a-timer')).toMatchObject({ status: 'passed', message: null });
    expect(bySlug('after-a-promise-timer')).toMatchObject({ status: 'passed', message: null });
  });

  it('describes a host that died in a hidden check by its kind alone', () => {
    const crashes = bySlug('crashes');
    expect(crashes).toMatchObject({ status: 'crashed', message: 'the app crashed during a hidden check', location: null });
    expect(crashes.checks.find((check) => check.id === 'ping/hidden')).toMatchObject({ passed: false, message: null, details: null });
  });

  it('shows a hidden check that threw or got no answer by title, verdict and hint', () => {
    for (const slug of ['throws', 'hangs']) {
      const hidden = bySlug(slug).checks.find((check) => check.id === 'ping/hidden');
      expect(hidden).toMatchObject({ passed: false, message: null, details: null });
    }
    expect(bySlug('hangs').output).toContain('waiting on /ping');
  });
});
