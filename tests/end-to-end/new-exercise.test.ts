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

  it.each(['Remember_Name', 'remember--name', '_remember', 'remember-', '9-lives', 'remember name'])('refuses the slug "%s" with one line, changing nothing', (bad) => {
    const before = snapshot(kit);
    const run = runIn(kit, ['new-exercise', bad]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^error: ".*" is not a kebab-case slug: .*\n$/);
    expect(run.stdout).toBe('');
    expect(snapshot(kit)).toEqual(before);
  });

  it('refuses a slug the manifest has, or that a folder already uses, changing nothing', () => {
    const orphan = path.join(kit, 'grader', 'variants', 'orphan-notes');
    mkdirSync(orphan);
    writeFileSync(path.join(orphan, 'idea.ts'), '// an unfinished variant\n');
    try {
      const before = snapshot(kit);
      const inManifest = runIn(kit, ['new-exercise', 'visit-counter']);
      expect([inManifest.status, inManifest.stderr]).toEqual([2, 'error: "visit-counter" is taken: grader/manifest.ts has an exercise with that slug; choose another\n']);
      const inFolder = runIn(kit, ['new-exercise', 'orphan-notes']);
      expect(inFolder.status).toBe(2);
      expect(inFolder.stderr).toBe('error: "orphan-notes" is taken: grader/variants/orphan-notes exists; choose another slug or remove that folder\n');
      const none = runIn(kit, ['new-exercise']);
      expect([none.status, none.stderr]).toEqual([2, 'error: give one slug: npm run new-exercise -- <slug>\n']);
      expect(snapshot(kit)).toEqual(before);
    } finally {
      rmSync(orphan, { recursive: true });
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
        `exercises/${slug}/`, `exercises/${slug}/README.md`, `exercises/${slug}/view.ts`,
        `solutions/${slug}/`, `solutions/${slug}/view.ts`,
        `grader/stubs/${slug}/`, `grader/stubs/${slug}/view.ts`,
        `grader/checks/${slug}/`, `grader/checks/${slug}/public.ts`, `grader/checks/${slug}/hidden.ts`, `grader/checks/${slug}/mistakes.ts`,
        `grader/mistakes/${slug}/`, `grader/mistakes/${slug}/module-variable.ts`,
        'grader/manifest.ts', 'README.md',
      ].sort(),
    );
    const counts = (root: string): string => /In all: [^]*?solutions/.exec(readFileSync(path.join(root, 'README.md'), 'utf8'))?.[0].replace(/\s+/g, ' ') ?? '';
    const now = counts(kit).match(/\d+/g)?.map(Number) ?? [];
    const was = counts(kitRoot).match(/\d+/g)?.map(Number) ?? [];
    // The kit check below proves every count right; here, that the README moved on at all.
    expect(now[0]).toBe((was[0] ?? 0) + 1);
    expect(now[1]).toBeGreaterThan(was[1] ?? 0);
    const lesson = readFileSync(path.join(kit, 'exercises', slug, 'README.md'), 'utf8');
    expect(lesson.slice(lesson.indexOf('## What is graded'))).toContain(
      "- Saves a value, then shows it on the next request\n- Keeps each visitor's value apart\n- Keeps the value in the session store (hidden)\n",
    );
    const manifest = readFileSync(path.join(kit, 'grader', 'manifest.ts'), 'utf8');
    expect([...manifest.matchAll(/^\s+slug: '([^']+)',$/gm)].map((match) => match[1]).at(-1)).toBe(slug);
    expect(manifest).toMatch(/\/\/ Kebab-case; also the folder under exercises\/.*\n\s+slug: 'remember-name',/);
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
      [`${slug}/data-on-server`, 'hidden'],
    ]);
    const stub = gradeJson(kit, []).exercises[0];
    // Untouched, the new stub is not started: every handler answers 501 and no check passes.
    expect([stub?.status, stub?.score]).toEqual(['not-started', 0]);
    expect(stub?.checks[0]?.message).toBe(`POST /${slug} still answers "Not implemented yet"`);

    const mistakeTarget = mkdtempSync(path.join(path.dirname(kit), 'mistake-'));
    mkdirSync(path.join(mistakeTarget, slug));
    writeFileSync(path.join(mistakeTarget, slug, 'view.ts'), readFileSync(path.join(kit, 'grader', 'mistakes', slug, 'module-variable.ts')));
    const mistake = gradeJson(kit, ['--target', mistakeTarget]).exercises[0];
    expect(mistake?.checks.map((check) => [check.id, check.passed])).toEqual([
      [`${slug}/save-then-show`, true],
      [`${slug}/visitors-apart`, false],
      [`${slug}/data-on-server`, false],
    ]);
    expect(mistake?.mistakes.map((match) => match.id)).toEqual(['module-variable']);

    const check = runIn(kit, ['check'], { timeoutMs: 240_000 });
    expect(check.stdout).toMatch(/^✔ \d+ known mistakes fail exactly the checks their list names and are named by their evidence; \d+ look-alikes fail the same checks and are not$/m);
    expect(check.stdout).toContain('The kit is sound.');
    expect(check.status).toBe(0);

    const afterwards = snapshot(kit);
    const again = runIn(kit, ['new-exercise', slug]);
    expect([again.status, again.stderr]).toEqual([2, `error: "${slug}" is taken: grader/manifest.ts has an exercise with that slug; choose another\n`]);
    expect(snapshot(kit)).toEqual(afterwards);
    // Three gradings and a whole kit check, each in a process of its own: minutes on a busy machine.
  }, 300_000);
});
