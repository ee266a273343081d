/**
 * A new exercise green from end to end, as an instructor adds one: in a copy of the kit,
 * `new-exercise` makes its two folders and its line in the course, the exercise is written there
 * (a lesson, a stub, a solution, public and hidden checks, a known mistake with its evidence and a
 * look-alike, a correct variant), and then the kit check and the unit lane pass with no other file
 * of the kit touched: nothing counts or lists the course by hand. Like every exercise of the
 * course, it proves its answers follow the session store (`storeFollowed`) and lists the mistake
 * of a copy kept beside the session, which the unit lane asks of each exercise.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyKit, runIn, snapshot } from '../kit-copy.js';
import { kitRoot } from '../run-kit.js';

const slug = 'last-search';

const engine = '../../grader/engine/check-language';

/** Keeps the last thing a visitor searched for in their session, and shows it back. */
const sessionData = `declare module 'express-session' {
  interface SessionData {
    lastSearch: string;
  }
}
`;

const stub = `import type { Request, Response } from 'express';

// What this exercise keeps in the session: \`req.session.lastSearch\` is a string or undefined.
${sessionData}
/** POST /search with the field \`q\`: answer with the results, and remember the search. */
export function search(req: Request, res: Response): void {
  // TODO: keep the field \`q\` in the session and answer "Results for <q>".
  res.status(501).send('Not implemented yet');
}

/** GET /last-search: show this visitor's last search. */
export function showLastSearch(req: Request, res: Response): void {
  // TODO: answer "Last search: <q>", or "Last search: none" before any search.
  res.status(501).send('Not implemented yet');
}
`;

const solution = `import type { Request, Response } from 'express';

${sessionData}
export function search(req: Request, res: Response): void {
  req.session.lastSearch = req.body.q;
  res.send(\`Results for \${req.body.q}\`);
}

export function showLastSearch(req: Request, res: Response): void {
  res.send(\`Last search: \${req.session.lastSearch ?? 'none'}\`);
}
`;

/** The same behaviour, written another way: every search kept in a list, the last one shown. */
const variant = `import type { Request, Response } from 'express';

declare module 'express-session' {
  interface SessionData {
    searches: string[];
  }
}

export const search = (req: Request, res: Response): void => {
  const q = String(req.body.q);
  req.session.searches = [...(req.session.searches ?? []), q];
  res.send('Results for ' + q);
};

export const showLastSearch = (req: Request, res: Response): void => {
  res.send('Last search: ' + (req.session.searches?.at(-1) ?? 'none'));
};
`;

/** The known mistake: one variable for the whole server, so one visitor sees another's search. */
const moduleVariable = `/**
 * Known mistake: the last search is kept in a variable of the module, which every visitor shares.
 */
import type { Request, Response } from 'express';

let lastSearch: string | undefined;

export function search(req: Request, res: Response): void {
  lastSearch = req.body.q;
  res.send(\`Results for \${req.body.q}\`);
}

export function showLastSearch(_req: Request, res: Response): void {
  res.send(\`Last search: \${lastSearch ?? 'none'}\`);
}
`;

/**
 * The known mistake every exercise of the course has: a map of the module's own, keyed by session
 * ID, with a copy in the session that nothing reads back, which only a rewritten store shows.
 */
const copyKeptBesideSession = `import type { Request, Response } from 'express';

const searches = new Map<string, string>();

export function search(req: Request, res: Response): void {
  searches.set(req.sessionID, req.body.q);
  req.session.lastSearch = req.body.q;
  res.send(\`Results for \${req.body.q}\`);
}

export function showLastSearch(req: Request, res: Response): void {
  res.send(\`Last search: \${searches.get(req.sessionID) ?? 'none'}\`);
}
`;

/** Fails the same checks for another reason: it never keeps the search, so it shows no one's. */
const neverStored = `import type { Request, Response } from 'express';

export function search(req: Request, res: Response): void {
  res.send(\`Results for \${req.body.q}\`);
}

export function showLastSearch(_req: Request, res: Response): void {
  res.send('Last search: none');
}
`;

const entry = `{
  "title": "Last search",
  "level": "easy",
  "routes": [
    {"method": "POST", "path": "/search", "handler": "view:search", "fields": [{"name": "q", "example": "tea"}]},
    {"method": "GET", "path": "/last-search", "handler": "view:showLastSearch"}
  ],
  "hints": [
    "What one visitor searched for belongs to that visitor: keep it in their session, not in a variable every visitor shares.",
    "In \`search\`, keep \`req.body.q\` in the session before answering; in \`showLastSearch\`, read it back with a default.",
    "req.session.lastSearch = req.body.q; and to show it: res.send(\`Last search: \${req.session.lastSearch ?? 'none'}\`);"
  ]
}
`;

const publicChecks = `import { publicChecks } from '${engine}/check.js';
import { expectAnswer } from '${engine}/expect.js';
import { storeFollowed } from '${engine}/probes.js';

export default publicChecks([
  {
    id: '${slug}/each-visitor-own',
    title: "Shows each visitor's own last search",
    level: 'easy',
    points: 2,
    hint: 'Keep the search in \`req.session\`, which is each visitor\\'s own, and read it back with a default.',
    async run(t) {
      const ana = t.visitor('ana');
      const ben = t.visitor('ben');
      expectAnswer(await ana.post('/search', { q: 'tea' }), 200, 'Results for tea');
      expectAnswer(await ana.post('/search', { q: 'coffee' }), 200, 'Results for coffee');
      expectAnswer(await ben.get('/last-search'), 200, 'Last search: none');
      expectAnswer(await ana.get('/last-search'), 200, 'Last search: coffee');
    },
  },
  storeFollowed({
    id: '${slug}/from-store',
    title: 'Shows the last search the session store holds',
    level: 'hard',
    points: 2,
    hint: 'Read the search from \`req.session\` when showing it: a copy kept anywhere else does not follow the session store.',
    what: 'the last search',
    store: [
      { post: '/search', fields: { q: 'amber-2291' }, answer: 'Results for amber-2291' },
      { get: '/last-search', answer: 'Last search: amber-2291' },
    ],
    swap: [['amber-2291', 'plum-5120']],
    follow: [{ get: '/last-search', answer: 'Last search: plum-5120' }],
  }),
]);
`;

const hiddenChecks = `import { hiddenChecks } from '${engine}/check.js';
import { expectAnswer, expectStored } from '${engine}/expect.js';

export default hiddenChecks([
  {
    id: '${slug}/kept-in-store',
    title: 'Keeps the last search in the session store',
    level: 'medium',
    points: 1,
    hint: 'Keep the search in \`req.session\`: express-session stores it on the server, under the visitor\\'s session ID.',
    async run(t) {
      const visitor = t.visitor();
      expectAnswer(await visitor.post('/search', { q: 'rye-7311' }), 200, 'Results for rye-7311');
      expectStored(await t.sessionOf(visitor), 'rye-7311', 'the last search');
    },
  },
]);
`;

const mistakes = `import { knownMistakes } from '${engine}/mistake.js';

export default knownMistakes([
  {
    id: 'module-variable',
    title: 'the last search is kept in a variable of the module, which every visitor shares',
    hint: 'A variable of the module is one for the whole server: keep the search in \`req.session\`, which is each visitor\\'s own.',
    fails: ['${slug}/each-visitor-own', '${slug}/from-store', '${slug}/kept-in-store'],
    evidence: (seen) => seen.showedAnotherVisitorsValue(),
    lookalikes: ['never-stored'],
  },
  {
    id: 'copy-kept-beside-session',
    title: 'the last search kept in a map of the module\\'s own, keyed by session ID, with a copy in the session that is never read back',
    hint: 'The session store is the one place the search lives: read it from \`req.session\` when showing it.',
    fails: ['${slug}/from-store'],
    evidence: (seen) => seen.noted('answered-from-a-copy'),
    noLookalike: 'Only an answer from a copy kept beside the store misses what the grader wrote in the store.',
  },
]);
`;

const lesson = `# Last search

## The idea

A search box that remembers: each visitor sees what they searched for last, never what someone
else did. Keep the search in \`req.session\`, and read it back later with a default.

## How a request flows

\`\`\`text
Browser sends POST /search with the field q=tea
  -> search stores req.session.lastSearch and answers "Results for tea"
Browser sends GET /last-search with its cookie
  -> showLastSearch reads req.session.lastSearch and answers "Last search: tea"
\`\`\`

## Step by step

| Step | Request | Response |
| --- | --- | --- |
| 1 | browser A: \`POST /search\` with \`q=tea\` | \`Results for tea\` |
| 2 | browser A: \`GET /last-search\` | \`Last search: tea\` |
| 3 | browser B: \`GET /last-search\` | \`Last search: none\` |

## Your task

Edit \`view.ts\`:

- \`search\` answers \`POST /search\`: keep the field \`q\` in the session and answer \`Results for <q>\`.
- \`showLastSearch\` answers \`GET /last-search\` with \`Last search: <q>\`, or \`Last search: none\`.

Run \`npm run grade -- ${slug}\` to check your work.

## Quiz

**1. Browser B never searched. What does \`GET /last-search\` answer for it?**

- A. \`Last search: tea\`
- B. \`Last search: none\`

<details><summary>Answer</summary>

B. Browser B has a session of its own, with nothing in it.
</details>

## What is graded

\`npm run grade -- ${slug}\` runs these checks, in this order.

- Shows each visitor's own last search
- Shows the last search the session store holds
- Keeps the last search in the session store (hidden)
`;

/** The exercise as its author writes it, by path from the kit's root, over what new-exercise wrote. */
const written: Record<string, string> = {
  [`exercises/${slug}/README.md`]: lesson,
  [`exercises/${slug}/exercise.json`]: entry,
  [`exercises/${slug}/view.ts`]: stub,
  [`exercises/${slug}/.stub/view.ts`]: stub,
  [`exercises/${slug}/checks.ts`]: publicChecks,
  [`solutions/${slug}/view.ts`]: solution,
  [`solutions/${slug}/checks.ts`]: hiddenChecks,
  [`solutions/${slug}/mistakes.ts`]: mistakes,
  [`solutions/${slug}/mistakes/module-variable.ts`]: moduleVariable,
  [`solutions/${slug}/mistakes/copy-kept-beside-session.ts`]: copyKeptBesideSession,
  [`solutions/${slug}/lookalikes/never-stored.ts`]: neverStored,
  [`solutions/${slug}/variants/history-list.ts`]: variant,
};

/** The course's slugs in the kit at `root`. */
function courseOf(root: string): string[] {
  return (JSON.parse(readFileSync(path.join(root, 'exercises', 'course.json'), 'utf8')) as { exercises: string[] }).exercises;
}

describe('a new exercise, written after new-exercise, with nothing else touched', () => {
  let kit: string;
  beforeAll(() => {
    kit = copyKit();
  });
  afterAll(() => {
    rmSync(path.dirname(kit), { recursive: true, force: true });
  });

  it('is green in the kit check and in the unit lane', () => {
    const before = snapshot(kit);
    const added = runIn(kit, ['new-exercise', slug]);
    expect(added.stderr).toBe('');
    expect(added.status).toBe(0);
    for (const [file, text] of Object.entries(written)) {
      mkdirSync(path.dirname(path.join(kit, file)), { recursive: true });
      writeFileSync(path.join(kit, file), text);
    }
    // Only the exercise's two folders and its line in the course differ from the kit.
    const changed = [...snapshot(kit)].filter(([file, hash]) => before.get(file) !== hash).map(([file]) => file.split(path.sep).join('/'));
    expect(changed.filter((file) => !file.startsWith(`exercises/${slug}/`) && !file.startsWith(`solutions/${slug}/`))).toEqual(['exercises/course.json']);
    const course = courseOf(kit);
    expect(course).toEqual([...courseOf(kitRoot), slug]);

    const check = runIn(kit, ['check'], { timeoutMs: 300_000 });
    expect(check.stderr).toBe('');
    expect(check.stdout).toContain('The kit is sound.');
    expect(check.status).toBe(0);
    // The new exercise was proven with the others: every solution, and its mistake, look-alike and variant.
    expect(check.stdout).toContain(`✔ ${course.length} solutions get full marks`);
    expect(check.stdout).toContain(`✔ ${course.length} stubs get zero`);

    const unit = spawnSync(process.execPath, [path.join('node_modules', 'vitest', 'vitest.mjs'), 'run', '--project', 'unit'], {
      cwd: kit,
      encoding: 'utf8',
      timeout: 300_000,
      env: { ...process.env, NO_COLOR: '1' },
    });
    const failed = `${unit.stdout}${unit.stderr}`.split('\n').filter((line) => /FAIL|✗|×/.test(line));
    expect(failed).toEqual([]);
    expect(unit.status).toBe(0);
    expect(unit.stdout).toMatch(/Test Files\s+\d+ passed/);
    // The kit check and a whole test lane, each in a process of its own: minutes on a busy machine.
  }, 600_000);
});
