/**
 * What `npm run new-exercise` writes: one small exercise that works end to end (a value saved in
 * the session and shown back), so that the kit check passes the moment it exists and the author
 * rewrites working files instead of filling in blanks. Every file follows the kit's conventions, so
 * each one is also an example of how its kind is written.
 */
import type { Visibility } from '../../engine/check-language/check.js';
import { gradedSection } from '../soundness/rules.js';
import type { Level } from '../../engine/course/manifest.js';
import type { ExerciseNames } from './names.js';
import { quizFile } from './quiz-template.js';

/** A TypeScript string literal for `text`, in the kit's single quotes. */
function literal(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** What the example app answers to a saved value. */
const saved = 'Saved';

/** What the example app answers when it shows a value. */
function shows(value: string): string {
  return `Your value: ${value}`;
}

/** One of the example's checks, as its file and the lesson's "What is graded" name it. */
interface ExampleCheck {
  id: string;
  title: string;
  level: Level;
  visibility: Visibility;
}

/** The example's checks, in the order they run (the public ones, then the hidden ones). */
function exampleChecks(n: ExerciseNames): ExampleCheck[] {
  return [
    { id: `${n.slug}/save-then-show`, title: 'Saves a value, then shows it on the next request', level: 'easy', visibility: 'public' },
    { id: `${n.slug}/visitors-apart`, title: "Keeps each visitor's value apart", level: 'medium', visibility: 'public' },
    { id: `${n.slug}/value-from-store`, title: 'Shows the value the session store holds', level: 'hard', visibility: 'public' },
    { id: `${n.slug}/data-on-server`, title: 'Keeps the value in the session store', level: 'medium', visibility: 'hidden' },
  ];
}

/** The first lines of the example's check `id` in its file, from `exampleChecks`. */
function checkHead(n: ExerciseNames, id: string): string {
  const check = exampleChecks(n).find((candidate) => candidate.id === `${n.slug}/${id}`);
  if (!check) throw new Error(`the example has no check ${id}`);
  return `id: ${literal(check.id)},\n    title: ${literal(check.title)},\n    level: ${literal(check.level)},`;
}

function lesson(n: ExerciseNames): string {
  return `<!--
  Scaffolded by \`npm run new-exercise -- ${n.slug}\`: a small exercise that already works and that
  the kit check passes. Rewrite this lesson, the stub, the solution, the checks and the mistake
  into your own; CONTRIBUTING.md says how, step by step.
-->
# ${n.title}

## The idea

A session keeps a value for one visitor between requests. Store what the visitor sends in
\`req.session\`, and read it back on a later request, with a default for a visitor who has saved
nothing yet: \`req.session.${n.sessionKey} ?? 'none'\`.

The browser holds only the \`connect.sid\` cookie, a session ID that the server signed. The value
stays on the server, in the session store, under that ID. Two browsers have two IDs, so each has
a value of its own.

## How a request flows

\`\`\`text
Browser sends POST /${n.slug} with the field value=tea
  -> express-session reads the connect.sid cookie (none yet: a new, empty req.session)
  -> save${n.pascal} stores req.session.${n.sessionKey} and answers "${saved}"
  -> express-session saves the session, because it changed, and sets the cookie
Browser sends GET /${n.slug} with the cookie
  -> express-session loads the session from the store
  -> show${n.pascal} reads req.session.${n.sessionKey} and answers "${shows('tea')}"
\`\`\`

## Step by step

Two browsers, A and B. Each letter is also the session ID that browser receives.

| Step | Request | Cookie sent | Session after | Response |
| --- | --- | --- | --- | --- |
| 1 | browser A: \`GET /${n.slug}\` | none | none stored | \`${shows('none')}\` |
| 2 | browser A: \`POST /${n.slug}\` with \`value=tea\` | none | A: \`{ ${n.sessionKey}: 'tea' }\` | \`${saved}\` |
| 3 | browser A: \`GET /${n.slug}\` | A | A: \`{ ${n.sessionKey}: 'tea' }\` | \`${shows('tea')}\` |
| 4 | browser B: \`GET /${n.slug}\` | none | none stored | \`${shows('none')}\` |

Every answer has status 200. Step 1 stores nothing, so no session is saved and no cookie is set;
step 2 changes the session, so it is saved and browser A gets its cookie.

## Your task

Edit \`view.ts\`. It is the only file you change. Export two functions, each taking \`(req, res)\`:

- \`save${n.pascal}\` answers \`POST /${n.slug}\`: store the field \`value\` in the session, under the
  key \`${n.sessionKey}\`, and answer \`${saved}\`. The key's name is yours to choose (not graded).
- \`show${n.pascal}\` answers \`GET /${n.slug}\` with \`${shows('<value>')}\`, or \`${shows('none')}\` when
  the visitor has saved nothing.

Run \`npm run grade -- ${n.slug}\` to check your work.

## Quiz

**1. Browser B has never posted a value. What does \`GET /${n.slug}\` answer for it?**

- A. \`${shows('tea')}\`
- B. \`${shows('none')}\`
- C. \`${shows('undefined')}\`

<details><summary>Answer</summary>

B. Browser B has a session of its own, with nothing in it, so the default is shown. Common
mistakes: a value kept in a variable of the module, which every visitor shares (A); leaving out the
default (C).
</details>

${gradedSection(n.slug, exampleChecks(n))}
Not graded, though the lesson shows it:

- the name of the session key: the checks find the value wherever your session holds it.
- that showing a value stores nothing and sets no cookie (step 1): no check looks at it yet.
`;
}

function stub(n: ExerciseNames): string {
  return `import type { Request, Response } from 'express';

// What this exercise keeps in the session: \`req.session.${n.sessionKey}\` is a string or undefined.
declare module 'express-session' {
  interface SessionData {
    ${n.sessionKey}: string;
  }
}

/** POST /${n.slug} with the field \`value\`: remember it for this visitor. */
export function save${n.pascal}(req: Request, res: Response): void {
  // TODO: store the field \`value\` in the session and answer "${saved}".
  res.status(501).send('Not implemented yet');
}

/** GET /${n.slug}: show this visitor's value. */
export function show${n.pascal}(req: Request, res: Response): void {
  // TODO: answer "${shows('<value>')}", or "${shows('none')}" when nothing was saved.
  res.status(501).send('Not implemented yet');
}
`;
}

function solution(n: ExerciseNames): string {
  return `import type { Request, Response } from 'express';

declare module 'express-session' {
  interface SessionData {
    ${n.sessionKey}: string;
  }
}

export function save${n.pascal}(req: Request, res: Response): void {
  req.session.${n.sessionKey} = req.body.value;
  res.send(${literal(saved)});
}

export function show${n.pascal}(req: Request, res: Response): void {
  res.send(\`${shows(`\${req.session.${n.sessionKey} ?? 'none'}`)}\`);
}
`;
}

function publicChecksFile(n: ExerciseNames): string {
  return `import { publicChecks } from '../../grader/engine/check-language/check.js';
import { expectAnswer } from '../../grader/engine/check-language/expect.js';
import { storeFollowed } from '../../grader/engine/check-language/probes.js';

export default publicChecks([
  {
    ${checkHead(n, 'save-then-show')}
    points: 2,
    hint: ${literal(`Store the posted field in the session in \`save${n.pascal}\`, and read it back in \`show${n.pascal}\`.`)},
    async run(t) {
      const visitor = t.visitor();
      expectAnswer(await visitor.post(${literal(`/${n.slug}`)}, { value: 'tea' }), 200, ${literal(saved)});
      expectAnswer(await visitor.get(${literal(`/${n.slug}`)}), 200, ${literal(shows('tea'))});
    },
  },
  {
    ${checkHead(n, 'visitors-apart')}
    points: 2,
    hint: 'Each browser has a session of its own: keep the value in \`req.session\`, never in a variable of the module, which every visitor shares.',
    async run(t) {
      const ana = t.visitor('ana');
      const ben = t.visitor('ben');
      expectAnswer(await ana.post(${literal(`/${n.slug}`)}, { value: 'tea' }), 200, ${literal(saved)});
      expectAnswer(await ben.get(${literal(`/${n.slug}`)}), 200, ${literal(shows('none'))});
      expectAnswer(await ana.get(${literal(`/${n.slug}`)}), 200, ${literal(shows('tea'))});
    },
  },
  // Every exercise proves its answers come from the session store: the grader rewrites the stored
  // value, and the next answer must show the new one (a copy kept beside the session does not).
  storeFollowed({
    ${checkHead(n, 'value-from-store')}
    points: 2,
    hint: 'Read the value from \`req.session\` when showing it: a copy kept anywhere else (a variable of the module, a map by session ID) does not follow the session store.',
    what: 'the value',
    store: [
      { post: ${literal(`/${n.slug}`)}, fields: { value: 'amber-2291' }, answer: ${literal(saved)} },
      { get: ${literal(`/${n.slug}`)}, answer: ${literal(shows('amber-2291'))} },
    ],
    swap: [['amber-2291', 'plum-5120']],
    follow: [{ get: ${literal(`/${n.slug}`)}, answer: ${literal(shows('plum-5120'))} }],
  }),
]);
`;
}

function hiddenChecksFile(n: ExerciseNames): string {
  return `import { hiddenChecks } from '../../grader/engine/check-language/check.js';
import { expectAnswer, expectStored } from '../../grader/engine/check-language/expect.js';

export default hiddenChecks([
  {
    ${checkHead(n, 'data-on-server')}
    points: 1,
    hint: 'Keep the value in \`req.session\`: express-session stores it on the server, under the session ID of the visitor.',
    async run(t) {
      const visitor = t.visitor();
      expectAnswer(await visitor.post(${literal(`/${n.slug}`)}, { value: 'tea-5120' }), 200, ${literal(saved)});
      expectStored(await t.sessionOf(visitor), 'tea-5120', 'the value');
    },
  },
]);
`;
}

/** The example's list of known mistakes: one, with the exact checks its code fails and its evidence. */
function mistakesFile(n: ExerciseNames): string {
  return `import { knownMistakes } from '../../grader/engine/check-language/mistake.js';

export default knownMistakes([
  {
    id: 'module-variable',
    title: 'the value is kept in a variable of the module, which every visitor shares',
    hint: 'Each visitor has a session of their own: keep the value in \`req.session\`, not in a variable every visitor shares.',
    fails: [${literal(`${n.slug}/visitors-apart`)}, ${literal(`${n.slug}/value-from-store`)}, ${literal(`${n.slug}/data-on-server`)}],
    // What the grader sees of this mistake alone: one visitor shown the value another sent.
    evidence: (seen) => seen.showedAnotherVisitorsValue(),
    noLookalike: 'A value one visitor sent, shown to another, is state shared by the whole server, however it is kept.',
  },
  {
    id: 'copy-kept-beside-session',
    title: 'the value kept in a map of the module\\'s own, keyed by session ID, with a copy in the session that is never read back',
    hint: 'The session store is the one place the value lives: read it from \`req.session\` when showing it, instead of keeping a copy beside it that never learns what the store holds.',
    fails: [${literal(`${n.slug}/value-from-store`)}],
    evidence: (seen) => seen.noted('answered-from-a-copy'),
    noLookalike: 'Only an answer from a copy kept beside the store misses the value the grader wrote in the store.',
  },
]);
`;
}

function mistake(n: ExerciseNames): string {
  return `/**
 * Known mistake: the value is kept in a variable of the module, which every visitor shares.
 */
import type { Request, Response } from 'express';

let value: string | undefined;

export function save${n.pascal}(req: Request, res: Response): void {
  value = req.body.value;
  res.send(${literal(saved)});
}

export function show${n.pascal}(_req: Request, res: Response): void {
  res.send(\`${shows("${value ?? 'none'}")}\`);
}
`;
}

function copyKeptBesideSession(n: ExerciseNames): string {
  return `/**
 * Known mistake: a copy kept beside the session. The value lives in a map of the module's own,
 * keyed by session ID, and the session gets a copy that nothing reads back: every request a browser
 * makes finds the two in step, but the map never learns what the store holds.
 */
import type { Request, Response } from 'express';

const values = new Map<string, string>();

export function save${n.pascal}(req: Request, res: Response): void {
  values.set(req.sessionID, req.body.value);
  req.session.${n.sessionKey} = req.body.value;
  res.send(${literal(saved)});
}

export function show${n.pascal}(req: Request, res: Response): void {
  res.send(\`${shows("${values.get(req.sessionID) ?? 'none'}")}\`);
}
`;
}

/** `value` as JSON on one line, spaced as the course's entries write a route. */
function oneLine(value: unknown): string {
  return JSON.stringify(value, null, 1).replace(/,\n\s*/g, ', ').replace(/\n\s*/g, '');
}

/**
 * The exercise's entry, `exercises/<slug>/exercise.json`. `level` keeps the course in order
 * (easiest first) until the author moves the slug in `exercises/course.json`.
 */
function entry(n: ExerciseNames, level: Level): string {
  const routes = [
    { method: 'POST', path: `/${n.slug}`, handler: `view:save${n.pascal}`, fields: [{ name: 'value', example: 'tea' }] },
    { method: 'GET', path: `/${n.slug}`, handler: `view:show${n.pascal}` },
  ];
  const hints = [
    'A session belongs to one visitor and lasts between requests: keep the value there, not in a variable of the module.',
    `In \`save${n.pascal}\`, store the posted field \`value\` in the session; in \`show${n.pascal}\`, read it back with a default for a visitor who has saved nothing yet.`,
    `req.session.${n.sessionKey} = req.body.value; res.send('${saved}'); and to show it: res.send(\`${shows(`\${req.session.${n.sessionKey} ?? 'none'}`)}\`);`,
  ];
  const list = (items: unknown[]): string => `[\n${items.map((item) => `    ${oneLine(item)}`).join(',\n')}\n  ]`;
  return `{\n  "title": ${JSON.stringify(n.title)},\n  "level": ${JSON.stringify(level)},\n  "routes": ${list(routes)},\n  "hints": ${list(hints)}\n}\n`;
}

/**
 * The new files of the exercise, by path from the kit's root: what a learner gets under
 * `exercises/<slug>/`, what the instructor keeps under `solutions/<slug>/`. `level` is the entry's.
 */
export function exerciseFiles(n: ExerciseNames, level: Level = 'easy'): Record<string, string> {
  return {
    [`exercises/${n.slug}/README.md`]: lesson(n),
    [`exercises/${n.slug}/exercise.json`]: entry(n, level),
    [`exercises/${n.slug}/view.ts`]: stub(n),
    // The stub as learners get it: release and reset take it from here, never from view.ts.
    [`exercises/${n.slug}/.stub/view.ts`]: stub(n),
    [`exercises/${n.slug}/checks.ts`]: publicChecksFile(n),
    [`solutions/${n.slug}/view.ts`]: solution(n),
    [`solutions/${n.slug}/checks.ts`]: hiddenChecksFile(n),
    [`solutions/${n.slug}/mistakes.ts`]: mistakesFile(n),
    [`solutions/${n.slug}/mistakes/module-variable.ts`]: mistake(n),
    [`solutions/${n.slug}/mistakes/copy-kept-beside-session.ts`]: copyKeptBesideSession(n),
    [`solutions/${n.slug}/quiz.json`]: quizFile(n),
  };
}
