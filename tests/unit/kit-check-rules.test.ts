/**
 * The kit check's rules for what an author writes by hand, on made-up lessons, stubs, hints and
 * results: each rule accepts the kit's own course and names what is wrong in a broken
 * one (the kit check run whole on a broken copy is end-to-end: kit-check-broken-copy.test.ts).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Check } from '../../grader/engine/check-language/check.js';
import { loadCourse } from '../../grader/engine/course/course.js';
import { codeShown, copyBesideSession, hintProblems, lessonProblems, storeFollowedProblems, stubProblems } from '../../grader/instructor/soundness/soundness.js';
import { gradedSectionProblems, hintNameProblems, lessonNameProblems, whyNotFullMarks } from '../../grader/instructor/soundness/rules.js';
import { manifest, type ExerciseInfo } from '../../grader/engine/course/manifest.js';
import type { CheckResult, ExerciseResult } from '../../grader/engine/results.js';
import { kitRoot } from '../run-kit.js';

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

- \`saveDemo\` answers \`POST /demo\`: store the field in the session.
- \`showDemo\` answers \`GET /demo\` with the value.

Run \`npm run grade -- demo\` to check your work.

## Quiz

**1. A question?**

<details><summary>Answer</summary>

A.
</details>

## What is graded

Your report lists these checks, in this order.

- Saves a value, then shows it
- Keeps each visitor's value apart (hidden)
- Keeps the value on the server (hidden)

Not graded:

- the key's name.
`;

function check(id: string, title: string, visibility: Check['visibility']): Check {
  return { id: `demo/${id}`, title, level: 'easy', visibility, points: 1, hint: 'Keep it in the session.', run: async () => undefined };
}

const checks = [
  check('save-then-show', 'Saves a value, then shows it', 'public'),
  check('visitors-apart', "Keeps each visitor's value apart", 'hidden'),
  check('data-on-server', 'Keeps the value on the server', 'hidden'),
];

/** The kit's exercises with the demo as one more, whose handlers no other exercise has. */
const course = [...manifest.exercises, info];

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
  it("accepts every exercise of the kit's own course", async () => {
    for (const { info: exercise, checks: itsChecks } of await loadCourse()) {
      const folder = path.join(kitRoot, 'exercises', exercise.slug);
      const text = readFileSync(path.join(folder, 'README.md'), 'utf8');
      expect(lessonProblems(exercise, text)).toEqual([]);
      expect(lessonNameProblems(exercise, text, manifest.exercises)).toEqual([]);
      expect(gradedSectionProblems(exercise.slug, itsChecks, text)).toEqual([]);
      expect(stubProblems(exercise, readFileSync(path.join(kitRoot, 'exercises', exercise.slug, '.stub', 'view.ts'), 'utf8'))).toEqual([]);
      expect(hintProblems(exercise)).toEqual([]);
      expect(hintNameProblems(exercise, itsChecks, manifest.exercises)).toEqual([]);
    }
  });

  it('accepts a well-formed lesson, stub and hints', () => {
    expect([
      ...lessonProblems(info, lesson),
      ...lessonNameProblems(info, lesson, course),
      ...gradedSectionProblems('demo', checks, lesson),
      ...stubProblems(info, stub),
      ...hintProblems(info),
      ...hintNameProblems(info, checks, course),
    ]).toEqual([]);
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
      'exercises/demo/.stub/view.ts: showDemo (GET /demo) has no // TODO saying what to write there',
    ]);
    expect(stubProblems(info, stub.replace('export async function showDemo', 'async function showDemo'))).toEqual([
      'exercises/demo/.stub/view.ts does not export showDemo, the handler of GET /demo',
    ]);
    expect(stubProblems(info, stub.replaceAll('// TODO:', '//'))).toEqual([
      'exercises/demo/.stub/view.ts has no // TODO marking what to write',
      'exercises/demo/.stub/view.ts: saveDemo (POST /demo) has no // TODO saying what to write there',
      'exercises/demo/.stub/view.ts: showDemo (GET /demo) has no // TODO saying what to write there',
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

describe('"What is graded": the lesson lists exactly its checks', () => {
  const graded = (text: string, list = checks): string[] => gradedSectionProblems('demo', list, text);
  const listed = (lines: string[]): string => lesson.replace(/- Saves a value[^]*?(?=\n\nNot graded)/, lines.join('\n'));

  it('reads only the first list of the section, wrapped lines included, so that notes may follow', () => {
    expect(graded(listed(['- Saves a value,', '  then shows it', "- Keeps each visitor's value apart (hidden)", '- Keeps the value on the server (hidden)']))).toEqual([]);
  });

  it('names a lesson without the section, or with one that is not the last', () => {
    expect(graded(lesson.slice(0, lesson.indexOf('## What is graded')))).toEqual([
      'exercises/demo/README.md lacks ## What is graded: end the lesson with it, listing its 3 checks in the order they run, one "- <title>" line each, hidden ones followed by "(hidden)"',
    ]);
    expect(graded(`${lesson}\n## Going further\n\nMore.\n`)).toEqual(["exercises/demo/README.md: ## What is graded must be the lesson's last section, but ## Going further follows it"]);
  });

  it('names a check that another author added, with the line to add and where', () => {
    const added = [...checks, check('tampered-cookie', 'A forged cookie gets a fresh session', 'hidden')];
    expect(graded(lesson, added)).toEqual([
      `exercises/demo/README.md: 'What is graded' lacks the check 'A forged cookie gets a fresh session': add "- A forged cookie gets a fresh session (hidden)" after 'Keeps the value on the server'`,
    ]);
    expect(graded(lesson, [check('first', 'Comes first', 'public'), ...checks])).toEqual([
      `exercises/demo/README.md: 'What is graded' lacks the check 'Comes first': add "- Comes first" at the top of its list`,
    ]);
  });

  it('names a check whose title changed, a line that is no check, and a line written twice', () => {
    const retitled = [checks[0] as Check, { ...(checks[1] as Check), title: 'Keeps visitors apart' }, checks[2] as Check];
    expect(graded(lesson, retitled)).toEqual([
      `exercises/demo/README.md: 'What is graded' lists 'Keeps each visitor's value apart', not the check's title 'Keeps visitors apart': write "- Keeps visitors apart (hidden)"`,
    ]);
    expect(graded(listed(['- Saves a value, then shows it', '- Says hello', "- Keeps each visitor's value apart (hidden)", '- Keeps the value on the server (hidden)']))).toEqual([
      "exercises/demo/README.md: 'What is graded' lists 'Says hello', which is not a check of demo: remove the line, or write the title as exercises/demo/checks.ts or solutions/demo/checks.ts has it",
    ]);
    expect(graded(listed(['- Saves a value, then shows it', "- Keeps each visitor's value apart (hidden)", "- Keeps each visitor's value apart (hidden)", '- Keeps the value on the server (hidden)']))).toEqual([
      "exercises/demo/README.md: 'What is graded' lists 'Keeps each visitor's value apart' twice: keep one line",
    ]);
  });

  it('names a hidden check left unmarked and a public check marked hidden', () => {
    expect(graded(listed(['- Saves a value, then shows it (hidden)', "- Keeps each visitor's value apart", '- Keeps the value on the server (hidden)']))).toEqual([
      `exercises/demo/README.md: 'What is graded' marks 'Saves a value, then shows it' hidden, but it is public (exercises/demo/checks.ts): write "- Saves a value, then shows it"`,
      `exercises/demo/README.md: 'What is graded' lists the hidden check 'Keeps each visitor's value apart' without "(hidden)": write "- Keeps each visitor's value apart (hidden)"`,
    ]);
  });

  it('names checks listed out of the order they run', () => {
    expect(graded(listed(["- Keeps each visitor's value apart (hidden)", '- Saves a value, then shows it', '- Keeps the value on the server (hidden)']))).toEqual([
      "exercises/demo/README.md: 'What is graded' lists 'Keeps each visitor's value apart' before 'Saves a value, then shows it', which runs first: list the checks in the order they run (public.ts, then hidden.ts, each in its file's order)",
    ]);
  });
});

describe('routes and handler names in lessons and hints, against the manifest', () => {
  const names = (text: string): string[] => lessonNameProblems(info, text, course);

  it('names a route the exercise does not have, and accepts a path parameter written as an example or as <name>', () => {
    expect(names(lesson.replace('`GET /demo` with the value', '`GET /demos` with the value'))).toEqual([
      'exercises/demo/README.md mentions GET /demos, which demo does not route (its routes: POST /demo, GET /demo, GET /language)',
      'exercises/demo/README.md never mentions GET /demo, the route `showDemo` answers',
    ]);
    const lastPage = manifest.exercises.find((exercise) => exercise.slug === 'last-page') as ExerciseInfo;
    expect(lessonNameProblems(lastPage, '`visitPage` answers `GET /pages/<name>`, for example GET /pages/home.', course)).toEqual([]);
  });

  it('names a handler that the lesson never names, or names under another name', () => {
    expect(names(lesson.replace('- `saveDemo` answers `POST /demo`: store the field in the session.\n', '- POST /demo stores the field.\n'))).toEqual([
      'exercises/demo/README.md never names `saveDemo`, the handler of POST /demo: say in "Your task" which function answers it',
    ]);
    expect(names(`${lesson}\n\`saveDemos\` answers \`POST /demo\`; \`showLanguage\` answers \`GET /language\`; \`saveDemo\` answers \`GET /language\`.\n`)).toEqual([
      'exercises/demo/README.md says `saveDemos` answers POST /demo, but its handler is `saveDemo` (exercises/demo/exercise.json)',
      'exercises/demo/README.md says `saveDemo` answers GET /language, but the kit answers it (kit:showLanguage in exercises/demo/exercise.json)',
    ]);
  });

  it("names another exercise's handler, in backticks or as a step of the request flow", () => {
    const flow = '\n```text\nBrowser sends POST /demo\n  -> express-session reads the cookie\n  -> saveDemo runs\n  -> showColor answers\n  -> countVisits sends the count\n```\n';
    expect(names(`${lesson}${flow}Like \`countVisit\` in the visit counter.\n`)).toEqual([
      'exercises/demo/README.md names `countVisit`, a handler of visit-counter, not of demo (its handlers: saveDemo, showDemo)',
      "exercises/demo/README.md's request flow has showColor, a handler of favorite-color, not of demo (its handlers: saveDemo, showDemo)",
      "exercises/demo/README.md's request flow has countVisits, not a handler of demo (its handlers: saveDemo, showDemo)",
    ]);
  });

  it("names routes and handlers in the manifest's hints and the checks' hints that the exercise does not have", () => {
    const hints = ['Send GET /demo/all to see them.', 'In `saveDemos`, store it; then read it in `showDemo`.', 'As `saveColor` does: req.session.demo = req.body.value;'];
    const withHint = [{ ...(checks[0] as Check), hint: 'In `showDemo`, answer POST /demos.' }];
    expect(hintNameProblems({ ...info, hints }, withHint, course)).toEqual([
      "demo's hint 1 mentions GET /demo/all, which demo does not route (its routes: POST /demo, GET /demo, GET /language)",
      'demo\'s hint 2 says "in `saveDemos`", but saveDemos is not a handler of demo (its handlers: saveDemo, showDemo)',
      "demo's hint 3 names `saveColor`, a handler of favorite-color, not of demo (its handlers: saveDemo, showDemo)",
      "check demo/save-then-show's hint mentions POST /demos, which demo does not route (its routes: POST /demo, GET /demo, GET /language)",
    ]);
  });
});

describe('why a view that should get full marks did not', () => {
  type Graded = Pick<ExerciseResult, 'status' | 'message' | 'checks'>;
  const result = (checkResults: Partial<CheckResult>[], fields: Partial<Graded> = {}): Graded => ({
    status: 'failed',
    message: null,
    checks: checkResults.map((fieldsOf, index) => ({ id: `demo/c${index + 1}`, title: `Check ${index + 1}`, level: 'easy', visibility: 'public', points: 1, passed: false, message: null, hint: 'h', details: null, durationMs: 0, ...fieldsOf })),
    ...fields,
  });

  it("gives the first failed check's message, then the others' ids", () => {
    expect(whyNotFullMarks(result([{ passed: true }, { message: 'GET /demo still answers "Not implemented yet"' }, {}]))).toBe(
      'demo/c2 failed: GET /demo still answers "Not implemented yet"; also failed: demo/c3',
    );
  });

  it('gives the status and its message when the app did not run, and the title when a check has no message', () => {
    expect(whyNotFullMarks(result([{ message: 'the app had stopped' }], { status: 'crashed', message: 'view.ts:3 threw TypeError' }))).toBe('crashed: view.ts:3 threw TypeError; also failed: demo/c1');
    expect(whyNotFullMarks(result([{ visibility: 'hidden' }]))).toBe('demo/c1 failed: "Check 1"');
  });
});

describe('every exercise proves its answers follow the session store', () => {
  const copy = { id: copyBesideSession, title: 'a copy beside the session', hint: 'Read the session.', fails: ['demo/save-then-show'] };

  it("holds for the kit's own course", async () => {
    const problems = (await loadCourse()).flatMap((exercise) => storeFollowedProblems(exercise.info.slug, exercise.mistakes ?? [], exercise.checks));
    expect(problems).toEqual([]);
  });

  it('names an exercise without the mistake, and one whose mistake fails another check than one public one', () => {
    expect(storeFollowedProblems('demo', [copy], checks)).toEqual([]);
    expect(storeFollowedProblems('demo', [], checks)).toEqual([expect.stringMatching(/^solutions\/demo\/mistakes\.ts does not list copy-kept-beside-session: /)]);
    expect(storeFollowedProblems('demo', [{ ...copy, fails: ['demo/visitors-apart'] }], checks)).toEqual([
      'solutions/demo/mistakes.ts: copy-kept-beside-session must fail exactly one check, a public one that follows the store (storeFollowed); it lists demo/visitors-apart',
    ]);
    expect(storeFollowedProblems('demo', [{ ...copy, fails: ['demo/save-then-show', 'demo/data-on-server'] }], checks)).toHaveLength(1);
  });
});
