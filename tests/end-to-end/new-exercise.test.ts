/**
 * `npm run new-exercise` in a copy of the kit: the new exercise works at once (its solution gets
 * full marks, its stub zero, its known mistake is caught, and the kit check finds the kit sound),
 * and a bad or taken slug is refused with one line, changing nothing.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GradeResult } from '../../grader/engine/results.js';
import { copyKit, runIn, snapshot } from '../kit-copy.js';
import { kitRoot } from '../run-kit.js';

const courseList = 'exercises/course.json';

const slug = 'remember-name';

function gradeJson(kit: string, args: string[]): GradeResult {
  const run = runIn(kit, ['grade', slug, '--json', ...args]);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return JSON.parse(run.stdout) as GradeResult;
}

describe('npm run new-exercise', () => {
  let kit: string;
  beforeAll(() => {
    kit = copyKit();
  });
  afterAll(() => {
    rmSync(path.dirname(kit), { recursive: true, force: true });
  });

  it.each(
    [
      ['Remember_Name', 'is not a kebab-case slug'],
      ['RememberName', 'is not a kebab-case slug'],
      ['remember--name', 'is not a kebab-case slug'],
      ['_remember', 'is not a kebab-case slug'],
      ['remember-', 'is not a kebab-case slug'],
      ['9-lives', 'is not a kebab-case slug'],
      ['remember name', 'is not a kebab-case slug'],
      ['con', 'is a name Windows reserves for a device'],
      ['lpt1', 'is a name Windows reserves for a device'],
      ['a'.repeat(300), 'is 300 characters long'],
    ].map(([bad = '', why = '']) => ({ bad, why, shown: bad.length > 40 ? `${bad.slice(0, 40)}… (${bad.length} characters)` : bad })),
  )('refuses the slug $shown with one line, changing nothing', ({ bad, why }) => {
    const before = snapshot(kit);
    const run = runIn(kit, ['new-exercise', bad]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^error: "[^\n]*" [^\n]*\n$/);
    expect(run.stderr).toContain(why);
    expect(run.stdout).toBe('');
    expect(snapshot(kit)).toEqual(before);
  });

  it('refuses a slug the course lists, or that a folder already uses, changing nothing', () => {
    const orphan = path.join(kit, 'solutions', 'orphan-notes', 'variants');
    mkdirSync(orphan, { recursive: true });
    writeFileSync(path.join(orphan, 'idea.ts'), '// an unfinished variant\n');
    try {
      const before = snapshot(kit);
      const inManifest = runIn(kit, ['new-exercise', 'visit-counter']);
      expect([inManifest.status, inManifest.stderr]).toEqual([2, `error: "visit-counter" is taken: ${courseList} lists an exercise with that slug; choose another\n`]);
      const inFolder = runIn(kit, ['new-exercise', 'orphan-notes']);
      expect(inFolder.status).toBe(2);
      expect(inFolder.stderr).toBe('error: "orphan-notes" is taken: solutions/orphan-notes exists; choose another slug or remove that folder\n');
      const none = runIn(kit, ['new-exercise']);
      expect([none.status, none.stderr]).toEqual([2, 'error: give one slug: npm run new-exercise -- <slug>\n']);
      expect(snapshot(kit)).toEqual(before);
    } finally {
      rmSync(path.dirname(orphan), { recursive: true });
    }
  });

  it("refuses, in one line and changing nothing, a course's list it cannot append to", () => {
    const file = path.join(kit, courseList);
    const good = readFileSync(file, 'utf8');
    writeFileSync(file, good.replace(/\n(\s*\])/, ',\n$1'));
    try {
      const before = snapshot(kit);
      const run = runIn(kit, ['new-exercise', slug]);
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(new RegExp(`^error: ${courseList} is not valid JSON \\([^\\n]*\\): fix it, then run again\\n$`));
      expect(snapshot(kit)).toEqual(before);
    } finally {
      writeFileSync(file, good);
    }
  });

  it('adds a working exercise: full marks for its solution, zero for its stub, its mistake caught, the kit sound; then refuses the slug', () => {
    const before = snapshot(kit);
    const added = runIn(kit, ['new-exercise', slug]);
    expect(added.stderr).toBe('');
    expect(added.status).toBe(0);

    const changed = [...snapshot(kit)].filter(([file, hash]) => before.get(file) !== hash).map(([file]) => file.split(path.sep).join('/'));
    expect(changed.sort()).toEqual(
      [
        `exercises/${slug}/`, `exercises/${slug}/README.md`, `exercises/${slug}/exercise.json`, `exercises/${slug}/view.ts`,
        `exercises/${slug}/.stub/`, `exercises/${slug}/.stub/view.ts`, `exercises/${slug}/checks.ts`,
        `solutions/${slug}/`, `solutions/${slug}/view.ts`, `solutions/${slug}/checks.ts`, `solutions/${slug}/mistakes.ts`,
        `solutions/${slug}/mistakes/`, `solutions/${slug}/mistakes/module-variable.ts`, `solutions/${slug}/mistakes/copy-kept-beside-session.ts`,
        `solutions/${slug}/quiz.json`,
        courseList,
      ].sort(),
    );
    // Every file it wrote is named in what it printed, and what to do next is said.
    for (const file of changed.filter((name) => !name.endsWith('/'))) expect(added.stdout).toContain(`  ${file}`);
    expect(added.stdout).toMatch(/^Next:$/m);
    // One line more in the course's list, the rest of its text as it was.
    const listBefore = readFileSync(path.join(kitRoot, courseList), 'utf8');
    const listAfter = readFileSync(path.join(kit, courseList), 'utf8');
    const lastSlug = /\n(\s*)("[^"]+")(\s*\])/.exec(listBefore);
    expect(lastSlug).not.toBeNull();
    const [whole = '', indent = '', quoted = '', rest = ''] = lastSlug ?? [];
    expect(listAfter).toBe(listBefore.replace(whole, `\n${indent}${quoted},\n${indent}"${slug}"${rest}`));
    const lesson = readFileSync(path.join(kit, 'exercises', slug, 'README.md'), 'utf8');
    expect(lesson.slice(lesson.indexOf('## What is graded'))).toContain(
      "- Saves a value, then shows it on the next request\n- Keeps each visitor's value apart\n- Shows the value the session store holds\n- Keeps the value in the session store (hidden)\n",
    );
    const stubSource = readFileSync(path.join(kit, 'exercises', slug, 'view.ts'), 'utf8');
    expect(stubSource).toContain('    rememberNameValue: string;\n');
    expect(stubSource.match(/\/\/ TODO: .*\n\s+res\.status\(501\)\.send\('Not implemented yet'\);/g)).toHaveLength(2);

    // Graded with type warnings on: the new files also type-check against the rest of the course.
    const solution = gradeJson(kit, ['--target', 'solutions']).exercises[0];
    expect(solution?.status).toBe('passed');
    expect(solution?.score).toBe(solution?.maxScore);
    expect(solution?.warnings).toEqual([]);
    expect(solution?.checks.map((check) => [check.id, check.visibility])).toEqual([
      [`${slug}/save-then-show`, 'public'],
      [`${slug}/visitors-apart`, 'public'],
      [`${slug}/value-from-store`, 'public'],
      [`${slug}/data-on-server`, 'hidden'],
    ]);
    const stub = gradeJson(kit, []).exercises[0];
    // Untouched, the new stub is not started: every handler answers 501 and no check passes.
    expect([stub?.status, stub?.score]).toEqual(['not-started', 0]);
    expect(stub?.checks[0]?.message).toBe(`POST /${slug} still answers "Not implemented yet"`);

    const mistakeTarget = mkdtempSync(path.join(path.dirname(kit), 'mistake-'));
    mkdirSync(path.join(mistakeTarget, slug));
    writeFileSync(path.join(mistakeTarget, slug, 'view.ts'), readFileSync(path.join(kit, 'solutions', slug, 'mistakes', 'module-variable.ts')));
    const mistake = gradeJson(kit, ['--target', mistakeTarget]).exercises[0];
    expect(mistake?.checks.map((check) => [check.id, check.passed])).toEqual([
      [`${slug}/save-then-show`, true],
      [`${slug}/visitors-apart`, false],
      [`${slug}/value-from-store`, false],
      [`${slug}/data-on-server`, false],
    ]);
    expect(mistake?.mistakes.map((match) => match.id)).toEqual(['module-variable']);

    const check = runIn(kit, ['check'], { timeoutMs: 240_000 });
    expect(check.stdout).toMatch(/^✔ \d+ known mistakes fail exactly the checks their list names and are named by their evidence; \d+ look-alikes fail the same checks and are not$/m);
    expect(check.stdout).toContain('The kit is sound.');
    expect(check.status).toBe(0);

    const afterwards = snapshot(kit);
    const again = runIn(kit, ['new-exercise', slug]);
    expect([again.status, again.stderr]).toEqual([2, `error: "${slug}" is taken: ${courseList} lists an exercise with that slug; choose another\n`]);
    expect(snapshot(kit)).toEqual(afterwards);
    // Three gradings and a whole kit check, each in a process of its own: minutes on a busy machine.
  }, 300_000);
});
