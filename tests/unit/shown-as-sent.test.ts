/**
 * What the learner reads is what was sent and answered: form fields decoded and quoted (a field of
 * three spaces reads `color="   "`, not `color=+++`), a JSON body as its JSON, an answer with its
 * trailing space inside the quotes; and every hint's code is code a view could hold.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeAnswer, describeFields, expectAnswer } from '../../grader/engine/check-language/expect.js';
import type { Exchange } from '../../grader/engine/check-language/visitor.js';
import { loadCourse } from '../../grader/engine/course/course.js';
import { kitRoot, runKit } from '../run-kit.js';

const answer = (text: string, status = 200): Exchange => ({
  visitor: 'visitor 1',
  method: 'GET',
  path: '/hello',
  fields: null,
  cookie: null,
  status,
  text,
  setCookies: [],
  handlerError: null,
  sentAt: 1,
  answeredAt: 2,
});

/** A copy of the solution of `slug` with `change` made to its view, graded as a learner would. */
function gradeChanged(slug: string, change: (source: string) => string): string {
  const copy = mkdtempSync(path.join(tmpdir(), 'learner-'));
  cpSync(path.join(kitRoot, 'solutions', slug), path.join(copy, slug), { recursive: true });
  const file = path.join(copy, slug, 'view.ts');
  const source = readFileSync(file, 'utf8');
  const changed = change(source);
  expect(changed).not.toBe(source);
  writeFileSync(file, changed);
  return runKit(['grade', slug, '--target', copy, '--no-typecheck']).stdout;
}

describe('the fields a request sent', () => {
  it('are shown decoded and quoted, a JSON body as its JSON', () => {
    expect(describeFields({ color: '   ' })).toBe('color="   "');
    expect(describeFields({ username: 'alice', password: 'won der&land=1' })).toBe('username="alice" password="won der&land=1"');
    expect(describeFields({})).toBe('(no fields)');
    expect(describeFields({ item: 'plum' }, true)).toBe('{"item":"plum"}');
  });

  it('read as sent in a failed check: a blank color is three spaces in quotes', () => {
    const report = gradeChanged('favorite-color', (source) => source.replace("typeof color !== 'string' || color.trim() === ''", "typeof color !== 'string' || color === ''"));
    expect(report).toContain('      │ visitor 1: POST /color color="   " (with cookie) → 200 "Color saved"\n');
    expect(report).not.toContain('color=+++');
  });
});

describe('an answer', () => {
  it('is shown exactly, a trailing space or line break inside the quotes', () => {
    expect(describeAnswer(answer('Hello, '))).toBe('200 "Hello, "');
    expect(describeAnswer(answer('Color saved\n'))).toBe('200 "Color saved\\n"');
    expect(() => expectAnswer(answer('Hello, '), 200, 'Hello, ana')).toThrow('GET /hello answered 200 "Hello, ", expected 200 "Hello, ana"');
  });

  it('passes with a trailing line break or space, which no check fails on', () => {
    expect(expectAnswer(answer('Color saved\n'), 200, 'Color saved').text).toBe('Color saved\n');
    expect(expectAnswer(answer('Color saved '), 200, 'Color saved').text).toBe('Color saved ');
  });

  it('with a trailing space reads so in a failed check', () => {
    const report = gradeChanged('shopping-cart', (source) => source.replace('`Added ${item}`', "`Added ${String(req.body.name ?? '')}`"));
    expect(report).toContain('      POST /cart answered 200 "Added ", expected 200 "Added apple"\n');
    expect(report).toContain('      actual:   200 "Added "\n');
  });
});

describe('every hint', () => {
  it('shows code a view could hold, not a stand-in for it', async () => {
    const course = await loadCourse();
    const hints = course.flatMap(({ info, checks, mistakes }) => [
      ...info.hints.map((hint, index) => [`${info.slug}'s hint ${index + 1}`, hint]),
      ...checks.map((check) => [`${check.id}'s hint`, check.hint]),
      ...(mistakes ?? []).map((mistake) => [`${info.slug} mistake ${mistake.id}'s hint`, mistake.hint]),
    ]);
    expect(hints.length).toBeGreaterThan(100);
    // `return 400;` answers nothing; `...` where code belongs (`= ...`, `(...)`, `{ ...; }`) is not code.
    const standIns = /\breturn \d{3}\b|\.\.\.(?![\w$([])/;
    expect(hints.filter(([, hint]) => standIns.test(hint ?? ''))).toEqual([]);
  });
});
