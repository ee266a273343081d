/**
 * The kit check's rules for what an author writes by hand, on made-up lessons, stubs and hints:
 * each rule accepts the kit's own course and names what is wrong in a broken one.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeShown, hintProblems, lessonProblems, stubProblems } from '../grader/kit-check.js';
import { manifest, type ExerciseInfo } from '../grader/manifest.js';
import { kitRoot } from './run-kit.js';

const info: ExerciseInfo = {
  slug: 'demo',
  title: 'Demo',
  level: 'easy',
  routes: [
    { method: 'POST', path: '/demo', handler: 'view:saveDemo' },
    { method: 'GET', path: '/demo', handler: 'view:showDemo' },
    { method: 'GET', path: '/language', handler: 'kit:showLanguage' },
  ],
  hints: [
    'A session belongs to one visitor: keep the value there.',
    'In `saveDemo`, store the field in the session.',
    "req.session.demo = req.body.value; res.send(req.session.demo ?? 'none');",
  ],
};

const lesson = `# Demo

## The idea

Text.

## How a request flows

Text.

## Step by step

Text.

## Your task

Run \`npm run grade -- demo\` to check your work.

## Quiz

**1. A question?**

<details><summary>Answer</summary>

A.
</details>
`;

const stub = `export function saveDemo(req: Request, res: Response): void {
  // TODO: store the field.
  res.status(501).send('Not implemented yet');
}

export async function showDemo(req: Request, res: Response): Promise<void> {
  // TODO: show it.
  res.status(501).send('Not implemented yet');
}
`;

describe('the kit check on lessons, stubs and hints', () => {
  it("accepts every exercise of the kit's own course", () => {
    for (const exercise of manifest.exercises) {
      const folder = path.join(kitRoot, 'exercises', exercise.slug);
      expect(lessonProblems(exercise, readFileSync(path.join(folder, 'README.md'), 'utf8'))).toEqual([]);
      expect(stubProblems(exercise, readFileSync(path.join(folder, 'view.ts'), 'utf8'))).toEqual([]);
      expect(hintProblems(exercise)).toEqual([]);
    }
  });

  it('accepts a well-formed lesson, stub and hints', () => {
    expect([...lessonProblems(info, lesson), ...stubProblems(info, stub), ...hintProblems(info)]).toEqual([]);
  });

  it('names a lesson with a wrong title, a missing section, no grade command or a quiz without answers', () => {
    expect(lessonProblems(info, lesson.replace('# Demo', '# Another'))).toEqual(['exercises/demo/README.md starts with "# Another", not the exercise\'s title "# Demo"']);
    expect(lessonProblems(info, lesson.replace('## Step by step\n', ''))).toEqual(['exercises/demo/README.md lacks ## Step by step']);
    expect(lessonProblems(info, lesson.replace('npm run grade -- demo', 'the grader'))).toEqual([
      'exercises/demo/README.md does not say how to grade it (`npm run grade -- demo`)',
    ]);
    expect(lessonProblems(info, lesson.replace(/<details>[\s\S]*<\/details>/, 'A.'))).toEqual([
      'exercises/demo/README.md has a quiz without answers (<details><summary>Answer</summary> … </details>)',
    ]);
    const swapped = lesson.replace('## The idea', '## TMP').replace('## Your task', '## The idea').replace('## TMP', '## Your task');
    expect(lessonProblems(info, swapped)).toEqual([expect.stringMatching(/has its sections out of order/)]);
  });

  it('names each handler of a stub that is missing or has no TODO, and a stub with no TODO at all', () => {
    expect(stubProblems(info, stub.replace('// TODO: show it.', '// show it.'))).toEqual([
      'exercises/demo/view.ts: showDemo (GET /demo) has no // TODO saying what to write there',
    ]);
    expect(stubProblems(info, stub.replace('export async function showDemo', 'async function showDemo'))).toEqual([
      'exercises/demo/view.ts does not export showDemo, the handler of GET /demo',
    ]);
    expect(stubProblems(info, stub.replaceAll('// TODO:', '//'))).toEqual([
      'exercises/demo/view.ts has no // TODO marking what to write',
      'exercises/demo/view.ts: saveDemo (POST /demo) has no // TODO saying what to write there',
      'exercises/demo/view.ts: showDemo (GET /demo) has no // TODO saying what to write there',
    ]);
  });

  it('measures the code a hint shows, in backticks or bare', () => {
    expect(codeShown('Keep it in the session, not in a variable (which everybody shares).')).toBe(0);
    expect(codeShown('Use `req.session` and `delete`.')).toBe(2);
    expect(codeShown("const n = (req.session.n ?? 0) + 1; f(n) => x === y")).toBe(6);
  });

  it('names too few, empty, repeated and non-progressive hints', () => {
    const [nudge = '', middle = '', answer = ''] = info.hints;
    expect(hintProblems({ ...info, hints: [nudge] })).toEqual(['demo has 1 hint(s): give at least two, from a nudge to nearly the answer']);
    expect(hintProblems({ ...info, hints: [nudge, ' ', answer] })).toEqual(["demo's hint 2 is empty"]);
    expect(hintProblems({ ...info, hints: [nudge, answer, answer] })).toEqual(["demo's hint 3 repeats hint 2"]);
    expect(hintProblems({ ...info, hints: [middle, nudge, answer] })).toEqual([
      "demo's hint 2 shows less code than its first: start with a nudge that names the idea, then get more specific",
    ]);
    expect(hintProblems({ ...info, hints: [answer, middle, nudge] })).toEqual([
      "demo's hint 2 shows less code than its first: start with a nudge that names the idea, then get more specific",
      "demo's last hint shows no more code than its first: hints go from a nudge to nearly the answer",
    ]);
    expect(hintProblems({ ...info, hints: [nudge, nudge.replace('one visitor', 'a visitor')] })).toEqual([
      "demo's last hint shows no more code than its first: hints go from a nudge to nearly the answer",
    ]);
  });
});
