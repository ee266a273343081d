/**
 * A check sends headers a browser sends (`Accept-Language`), and the failure shows them; the
 * headers the visitor and the grader set themselves (cookies, the body's type, the grader's own)
 * are not a check's to set.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { publicChecks } from '../../grader/engine/check-language/check.js';
import { expectAnswer } from '../../grader/engine/check-language/expect.js';
import { grade, type GradedExercise } from '../../grader/engine/grading/grade.js';
import type { GradeResult } from '../../grader/engine/results.js';

const checks = publicChecks([
  {
    id: 'greeting/in-french',
    title: 'Greets in French when the browser prefers it',
    level: 'easy',
    points: 1,
    hint: 'Read `req.headers["accept-language"]`.',
    async run(t) {
      expectAnswer(await t.visitor().get('/greeting', { headers: { 'Accept-Language': 'fr-CH, fr;q=0.9' } }), 200, 'Bonjour');
    },
  },
  {
    id: 'greeting/posted-in-french',
    title: 'Greets in French after a form posted with the header',
    level: 'easy',
    points: 1,
    hint: 'Read `req.headers["accept-language"]`.',
    async run(t) {
      expectAnswer(await t.visitor().post('/greeting', { name: 'Ada' }, { headers: { 'Accept-Language': 'fr' } }), 200, 'Bonjour Ada');
    },
  },
  {
    id: 'greeting/sets-a-cookie',
    title: 'A check that tries to set the cookie itself',
    level: 'easy',
    points: 1,
    hint: 'No hint.',
    async run(t) {
      await t.visitor().get('/greeting', { headers: { Cookie: 'connect.sid=forged' } });
    },
  },
]);

const views = {
  french: `import type { Request, Response } from 'express';
export function greet(req: Request, res: Response) {
  const french = (req.headers['accept-language'] ?? '').startsWith('fr');
  const name = typeof req.body?.name === 'string' ? \` \${req.body.name}\` : '';
  res.send(\`\${french ? 'Bonjour' : 'Hello'}\${name}\`);
}
`,
  english: `import type { Request, Response } from 'express';
export function greet(_req: Request, res: Response) {
  res.send('Hello');
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
      { method: 'POST', path: '/greeting', handler: 'view:greet', fields: [{ name: 'name', example: 'Ada' }] },
    ],
    hints: ['Read the header.', 'req.headers'],
  },
  checks,
  hiddenChecksIncluded: true,
}));

let result: GradeResult;

beforeAll(async () => {
  const target = mkdtempSync(path.join(tmpdir(), 'request-headers-'));
  for (const [slug, view] of Object.entries(views)) {
    mkdirSync(path.join(target, slug));
    writeFileSync(path.join(target, slug, 'view.ts'), view);
  }
  result = await grade({ target, exercises, limits: { requestTimeoutMs: 2000, exerciseTimeoutMs: 10_000, heapMb: 64 }, typecheck: false });
}, 60_000);

describe('headers a check sends', () => {
  it('reach the app, on a GET and on a POST', () => {
    const french = result.exercises.find((exercise) => exercise.slug === 'french');
    expect(french?.checks.map((check) => [check.id, check.passed])).toEqual([
      ['greeting/in-french', true],
      ['greeting/posted-in-french', true],
      ['greeting/sets-a-cookie', false],
    ]);
  });

  it('are shown with the request when its check fails', () => {
    const english = result.exercises.find((exercise) => exercise.slug === 'english');
    const failed = english?.checks.find((check) => check.id === 'greeting/in-french');
    expect(failed?.details?.requests).toEqual(['visitor 1: GET /greeting Accept-Language: "fr-CH, fr;q=0.9" (no cookie) → 200 "Hello"']);
  });

  it("may not be the visitor's or the grader's own", () => {
    const french = result.exercises.find((exercise) => exercise.slug === 'french');
    const refused = french?.checks.find((check) => check.id === 'greeting/sets-a-cookie');
    expect(refused?.message).toBe(
      'the check could not finish: a check may not set the Cookie header: the visitor sends its cookies, its body\'s type and the grader\'s own headers itself',
    );
  });
});
