/**
 * Views as real code: a view runs as strict code, and may import the packages the kit installs
 * and the `.ts` files of its own folder, bundled by the grader; anything else it imports is
 * refused in one line that says what a view may import, and never reaches the sandbox.
 */
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { publicChecks } from '../../grader/engine/check-language/check.js';
import { expectAnswer } from '../../grader/engine/check-language/expect.js';
import { compileView, importRule } from '../../grader/engine/grading/compile.js';
import { grade, type GradedExercise } from '../../grader/engine/grading/grade.js';
import type { ExerciseResult, GradeResult } from '../../grader/engine/results.js';
import { kitRoot } from '../run-kit.js';

const checks = publicChecks([
  {
    id: 'ping/answers',
    title: 'Answers pong',
    level: 'easy',
    points: 1,
    hint: 'Send "pong".',
    async run(t) {
      expectAnswer(await t.visitor().get('/ping'), 200, 'pong');
    },
  },
]);

/** A view of each kind, by slug; `helpers` are written beside it. */
const views: Record<string, { view: string; helpers?: Record<string, string> }> = {
  'imports-a-package': {
    view: `import parseurl from 'parseurl';
import type { Request, Response } from 'express';
// Bundled with a package, the view is still strict code.
const strict = (function (this: unknown) { return this === undefined; })();
export function ping(req: Request, res: Response) {
  res.send(parseurl(req)?.pathname === '/ping' && strict ? 'pong' : 'not parsed, or not strict');
}
`,
  },
  'imports-a-helper': {
    view: `import type { Request, Response } from 'express';
import { answer } from './helper.ts';
import { twice } from './lib/index.js';
export function ping(_req: Request, res: Response) {
  res.send(twice(1) === 2 ? answer() : 'wrong');
}
`,
    helpers: {
      // A helper runs as strict code too: deleting a frozen object's property throws.
      'helper.ts': `export const answer = (): string => {
  try {
    delete (Object.freeze({ a: 1 }) as { a?: number }).a;
    return 'not strict';
  } catch {
    return 'pong';
  }
};
`,
      'lib/index.ts': `export const twice = (n: number): number => n * 2;\n`,
    },
  },
  'deletes-the-session-id': {
    // `id` is fixed on every session (not configurable): deleting it throws in strict code only.
    view: `import type { Request, Response } from 'express';
export function ping(req: Request, res: Response) {
  try {
    delete (req.session as { id?: string }).id;
    res.send('deleted silently');
  } catch (error) {
    res.send(error instanceof TypeError ? 'pong' : 'another error');
  }
}
`,
  },
  'imports-the-solution': {
    view: `import type { Request, Response } from 'express';

import { ping as solved } from '../../solutions/ping/view';
export const ping = (req: Request, res: Response) => solved(req, res);
`,
  },
  'imports-an-absolute-path': { view: '' },
  'imports-a-link-out': {
    view: `import { ping as solved } from './solved.ts';
export const ping = solved;
`,
  },
  'imports-an-uninstalled-package': {
    view: `import _ from 'lodash';
export const ping = _.noop;
`,
  },
  'imports-a-json-file': {
    view: `import data from './data.json';
export const ping = data;
`,
    helpers: { 'data.json': '{}\n' },
  },
};

const exercises: GradedExercise[] = Object.keys(views).map((slug) => ({
  info: { slug, title: slug, level: 'easy', routes: [{ method: 'GET', path: '/ping', handler: 'view:ping' }], hints: ['Send "pong".', 'res.send("pong")'] },
  checks,
  hiddenChecksIncluded: true,
}));

let root: string;
let result: GradeResult;
const graded = (slug: string): ExerciseResult => {
  const found = result.exercises.find((exercise) => exercise.slug === slug);
  if (!found) throw new Error(`no result for ${slug}`);
  return found;
};

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'view-imports-'));
  // A solution beside the learner's folder: it passes, if anything ever loads it.
  const solution = path.join(root, 'solutions', 'ping', 'view.ts');
  mkdirSync(path.dirname(solution), { recursive: true });
  writeFileSync(solution, `console.log('the solution ran');\nexport function ping(_req: unknown, res: { send(body: string): void }) { res.send('pong'); }\n`);
  views['imports-an-absolute-path'] = { view: `import { ping as solved } from ${JSON.stringify(solution)};\nexport const ping = solved;\n` };
  const target = path.join(root, 'work');
  for (const [slug, { view, helpers = {} }] of Object.entries(views)) {
    const folder = path.join(target, slug);
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, 'view.ts'), view);
    for (const [name, text] of Object.entries(helpers)) {
      mkdirSync(path.dirname(path.join(folder, name)), { recursive: true });
      writeFileSync(path.join(folder, name), text);
    }
  }
  symlinkSync(path.relative(path.join(target, 'imports-a-link-out'), solution), path.join(target, 'imports-a-link-out', 'solved.ts'));
  result = await grade({
    target,
    exercises,
    limits: { requestTimeoutMs: 2000, exerciseTimeoutMs: 10_000, heapMb: 64 },
    typecheck: false,
  });
});

describe('what a view may import', () => {
  it('bundles a package the kit installs (parseurl), the view still strict', () => {
    expect(graded('imports-a-package')).toMatchObject({ status: 'passed', score: 1, message: null });
  });

  it('bundles the .ts files of its own folder, by any of their names (./helper.ts, ./lib/index.js), as strict code', () => {
    expect(graded('imports-a-helper')).toMatchObject({ status: 'passed', score: 1, message: null });
  });

  it('runs a view that imports only what the host gives as strict code: deleting the session id throws', () => {
    expect(graded('deletes-the-session-id')).toMatchObject({ status: 'passed', score: 1 });
  });

  it.each([
    ['imports-the-solution', '"../../solutions/ping/view", which is outside its folder', 3],
    ['imports-an-absolute-path', 'which is outside its folder', 1],
    ['imports-a-link-out', '"./solved.ts", a link that leads outside its folder', 1],
    ['imports-an-uninstalled-package', '"lodash", which the kit has not installed', 1],
    ['imports-a-json-file', '"./data.json", which is not a .ts or .js file', 1],
  ])('refuses %s in one line, at the import, and never runs it', (slug, reason, line) => {
    const refused = graded(slug);
    expect(refused).toMatchObject({ status: 'compile-error', score: 0, output: '' });
    expect(refused.message).toMatch(new RegExp(`^view\\.ts imports .*${reason.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: `));
    expect(refused.message?.endsWith(`: ${importRule}`)).toBe(true);
    expect(refused.message).not.toContain('\n');
    expect(refused.location).toMatchObject({ file: path.join(root, 'work', slug, 'view.ts'), line });
  });
});

describe('compiling a view', () => {
  it("leaves the host's own packages and Node's to the host, so the view shares the host's express-session", async () => {
    const file = path.join(kitRoot, 'exercises', 'visit-counter', 'view.ts');
    const compiled = await compileView(`import session from 'express-session';\nimport { createHash } from 'node:crypto';\nexport const ping = [session, createHash];\n`, file);
    if (!compiled.ok) throw new Error(compiled.message);
    expect(compiled.code).toContain('require("express-session")');
    expect(compiled.code).toContain('require("node:crypto")');
    expect(compiled.code).not.toContain('function session(');
  });

  it('names the helper and its line when a helper does not compile', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'view-imports-'));
    writeFileSync(path.join(folder, 'helper.ts'), 'export const answer = (: string => "pong";\n');
    const compiled = await compileView(`import { answer } from './helper.ts';\nexport const ping = answer;\n`, path.join(folder, 'view.ts'));
    expect(compiled).toMatchObject({ ok: false, status: 'compile-error', message: expect.stringMatching(/^helper\.ts does not compile: /), location: { file: path.join(folder, 'helper.ts'), line: 1 } });
  });

  it.each([
    ['a template', 'import { h } from "./helper.ts";\nexport const ping = require(`../solutions/${h}/view.ts`);\n'],
    ['a sum', 'import { h } from "./helper.ts";\nexport const ping = require("../solutions/" + h + "/view.ts");\n'],
    ['a dynamic import', 'import { h } from "./helper.ts";\nexport const ping = import(`../solutions/${h}/view.ts`);\n'],
  ])('refuses an import by %s, which the bundler would expand into every file on disk it matches', async (_kind, view) => {
    const root = mkdtempSync(path.join(tmpdir(), 'view-imports-'));
    const solution = path.join(root, 'solutions', 'ping', 'view.ts');
    mkdirSync(path.dirname(solution), { recursive: true });
    writeFileSync(solution, 'export const secret = "the solution";\n');
    const folder = path.join(root, 'work');
    mkdirSync(folder);
    writeFileSync(path.join(folder, 'helper.ts'), 'export const h = "ping";\n');
    const compiled = await compileView(view, path.join(folder, 'view.ts'));
    expect(compiled).toMatchObject({ ok: false, status: 'compile-error', message: 'view.ts imports a file by a pattern: a view imports by a name in quotes, not by a pattern built at run time' });
  });

  it('refuses a helper that imports by a pattern, and a view nested deeper than any a person writes, before esbuild sees them', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'view-imports-'));
    writeFileSync(path.join(folder, 'helper.ts'), 'const name = "x";\nexport const h = require(`./${name}.ts`);\n');
    const helper = await compileView('import { h } from "./helper.ts";\nexport const ping = h;\n', path.join(folder, 'view.ts'));
    expect(helper).toMatchObject({ ok: false, message: 'helper.ts imports a file by a pattern: a view imports by a name in quotes, not by a pattern built at run time' });
    const deep = await compileView(`export const ping = ${'['.repeat(20_000)}${']'.repeat(20_000)};\n`, path.join(folder, 'view.ts'));
    expect(deep).toMatchObject({ ok: false, message: 'view.ts nests brackets more than 500 deep: simplify it' });
  });
});
