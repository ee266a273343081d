/**
 * The check language as CONTRIBUTING shows it ("The check language"): each of its examples is a
 * check here, graded through the engine against a tiny view that does what the example asks and
 * one that does none of it. Every check must pass the first and fail the second, so that an
 * example that stops reaching the app (a header dropped, a query string cut, a clock not moved)
 * fails here rather than in an instructor's new exercise. Keep the checks word for word as
 * CONTRIBUTING shows them.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publicChecks } from '../../grader/engine/check-language/check.js';
import { expectAnswer } from '../../grader/engine/check-language/expect.js';
import { grade, type GradedExercise } from '../../grader/engine/grading/grade.js';
import type { ExerciseResult, GradeResult } from '../../grader/engine/results.js';

const checks = publicChecks([
  {
    id: 'language/request-headers',
    title: 'Greets in French when the browser prefers French',
    level: 'easy',
    points: 1,
    hint: 'Read the Accept-Language header.',
    async run(t) {
      const visitor = t.visitor();
      expectAnswer(await visitor.get('/greeting', { headers: { 'accept-language': 'fr' } }), 200, 'Bonjour');
      expectAnswer(await visitor.get('/greeting'), 200, 'Hello');
    },
  },
  {
    id: 'language/query-string',
    title: 'Searches for what the query string asks',
    level: 'easy',
    points: 1,
    hint: 'Read `req.query.q`.',
    async run(t) {
      expectAnswer(await t.visitor().get('/search?q=sessions'), 200, 'Results for sessions');
    },
  },
  {
    id: 'language/json-body',
    title: 'Takes a name sent as JSON and answers JSON',
    level: 'easy',
    points: 1,
    hint: 'Read `req.body.name` and answer with `res.json`.',
    async run(t) {
      expectAnswer(await t.visitor().post('/api/name', { name: 'Ada' }, { json: true }), 200, '{"name":"Ada"}');
    },
  },
  {
    id: 'language/several-visitors',
    title: 'Keeps each visitor\'s name apart',
    level: 'easy',
    points: 1,
    hint: 'Keep the name in `req.session`.',
    async run(t) {
      const alice = t.visitor('alice');
      const bob = t.visitor('bob');
      expectAnswer(await alice.post('/name', { name: 'Alice' }), 200, 'Saved');
      expectAnswer(await bob.post('/name', { name: 'Bob' }), 200, 'Saved');
      expectAnswer(await alice.get('/name'), 200, 'Name: Alice');
      expectAnswer(await bob.get('/name'), 200, 'Name: Bob');
    },
  },
  {
    id: 'language/cookie-edits',
    title: 'A stolen cookie opens the session; a forged one opens nothing',
    level: 'medium',
    points: 1,
    hint: 'Keep the name in `req.session`.',
    async run(t) {
      const alice = t.visitor('alice');
      expectAnswer(await alice.post('/name', { name: 'Alice' }), 200, 'Saved');
      const thief = t.visitor('thief');
      thief.useSessionCookie(alice.sessionCookie);
      expectAnswer(await thief.get('/name'), 200, 'Name: Alice');
      const forger = t.visitor('forger');
      forger.useSessionCookie('s%3Aforged.bad-signature');
      expectAnswer(await forger.get('/name'), 200, 'Name: nobody');
    },
  },
  {
    id: 'language/rewrite-session',
    title: 'Shows the name the session store holds',
    level: 'medium',
    points: 1,
    hint: 'Read the name from `req.session` on every request.',
    async run(t) {
      const visitor = t.visitor();
      expectAnswer(await visitor.post('/name', { name: 'Ada' }), 200, 'Saved');
      await t.rewriteSession(visitor, (record) => ({ ...record, name: 'Grace' }));
      expectAnswer(await visitor.get('/name'), 200, 'Name: Grace');
    },
  },
  {
    id: 'language/expiry',
    title: 'Forgets the name a minute after it was saved',
    level: 'hard',
    points: 1,
    hint: 'Set `req.session.cookie.maxAge`.',
    async run(t) {
      const visitor = t.visitor();
      expectAnswer(await visitor.post('/name', { name: 'Ada' }), 200, 'Saved');
      await t.advanceClock(30_000);
      expectAnswer(await visitor.get('/name'), 200, 'Name: Ada');
      await t.advanceClock(31_000);
      expectAnswer(await visitor.get('/name'), 200, 'Name: nobody');
    },
  },
]);

const right = `import type { Request, Response } from 'express';
declare module 'express-session' { interface SessionData { name: string } }
export function greet(req: Request, res: Response) {
  res.send((req.headers['accept-language'] ?? '').startsWith('fr') ? 'Bonjour' : 'Hello');
}
export function search(req: Request, res: Response) {
  res.send(\`Results for \${String(req.query.q)}\`);
}
export function nameAsJson(req: Request, res: Response) {
  res.json({ name: req.body.name });
}
export function saveName(req: Request, res: Response) {
  req.session.name = req.body.name;
  req.session.cookie.maxAge = 60_000;
  res.send('Saved');
}
export function showName(req: Request, res: Response) {
  res.send(\`Name: \${req.session.name ?? 'nobody'}\`);
}
`;

const views = {
  // Does what every check asks.
  right,
  // Keeps the name in the session for as long as the browser runs: only the clock tells.
  forever: right.replace('  req.session.cookie.maxAge = 60_000;\n', ''),
  // Ignores the header and the query string, answers text, and keeps one name for the whole server.
  wrong: `import type { Request, Response } from 'express';
let name: string | undefined;
export function greet(_req: Request, res: Response) {
  res.send('Hello');
}
export function search(req: Request, res: Response) {
  res.send(\`Results for \${String(req.body.q)}\`);
}
export function nameAsJson(req: Request, res: Response) {
  res.send(\`Saved \${req.body.name}\`);
}
export function saveName(req: Request, res: Response) {
  name = req.body.name;
  res.send('Saved');
}
export function showName(_req: Request, res: Response) {
  res.send(\`Name: \${name ?? 'nobody'}\`);
}
`,
};

const exercises: GradedExercise[] = Object.keys(views).map((slug) => ({
  info: {
    slug,
    title: slug,
    level: 'easy',
    routes: [
      { method: 'GET', path: '/greeting', handler: 'view:greet' },
      { method: 'GET', path: '/search', handler: 'view:search' },
      { method: 'POST', path: '/api/name', handler: 'view:nameAsJson', fields: [{ name: 'name', example: 'Ada' }] },
      { method: 'POST', path: '/name', handler: 'view:saveName', fields: [{ name: 'name', example: 'Ada' }] },
      { method: 'GET', path: '/name', handler: 'view:showName' },
    ],
    hints: ['Read the request.', 'req.headers, req.query, req.body'],
  },
  checks,
  hiddenChecksIncluded: true,
}));

let result: GradeResult;
let target: string;

beforeAll(async () => {
  target = mkdtempSync(path.join(tmpdir(), 'check-language-'));
  for (const [slug, view] of Object.entries(views)) {
    mkdirSync(path.join(target, slug));
    writeFileSync(path.join(target, slug, 'view.ts'), view);
  }
  result = await grade({ target, exercises, limits: { requestTimeoutMs: 2000, exerciseTimeoutMs: 10_000, heapMb: 64 }, typecheck: false });
}, 60_000);

afterAll(() => rmSync(target, { recursive: true, force: true }));

const graded = (slug: keyof typeof views): ExerciseResult => {
  const exercise = result.exercises.find((candidate) => candidate.slug === slug);
  if (exercise === undefined) throw new Error(`no result for ${slug}`);
  return exercise;
};
const check = (slug: keyof typeof views, id: string) => graded(slug).checks.find((candidate) => candidate.id === id);

describe('the check language, as CONTRIBUTING shows it', () => {
  it.each(checks.map((spec) => [spec.id]))('%s passes a view that does it and fails one that does not', (id) => {
    expect([check('right', id)?.passed, check('right', id)?.message]).toEqual([true, null]);
    expect(check('wrong', id)?.passed).toBe(false);
  });

  it('sends the query string to the app, and shows it in the failed request', () => {
    expect(check('wrong', 'language/query-string')?.details?.requests).toEqual(['visitor 1: GET /search?q=sessions (no cookie) → 200 "Results for undefined"']);
  });

  it('sends a JSON body as JSON, and shows it as JSON', () => {
    // The kit parses it: even the view that answers text read the name from the JSON.
    expect(check('wrong', 'language/json-body')?.details?.requests).toEqual(['visitor 1: POST /api/name {"name":"Ada"} (no cookie) → 200 "Saved Ada"']);
  });

  it('names each visitor in the requests it shows', () => {
    const requests = check('wrong', 'language/several-visitors')?.details?.requests ?? [];
    expect(requests.map((line) => line.split(':')[0])).toEqual(['alice', 'bob', 'alice']);
  });

  it('moves the clock far enough to expire a session, and only that tells a session without maxAge', () => {
    expect(views.forever).not.toBe(views.right);
    expect(graded('forever').checks.filter((result) => !result.passed).map((result) => [result.id, result.message])).toEqual([
      ['language/expiry', 'GET /name answered 200 "Name: Ada", expected 200 "Name: nobody"'],
    ]);
  });
});
