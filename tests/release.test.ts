/**
 * `npm run release`: the learner's copy installs from the npm cache and grades a solution with its
 * public checks only, the report says the hidden ones are the instructor's, and nothing in the
 * copy (sources, build, source maps, lockfile) gives a hidden check, a solution, a known mistake,
 * a correct variant or a test away. Bad --out folders are refused with one line.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCourse } from '../grader/course.js';
import { instructorCommands, learnerCommands } from '../grader/release/package.js';
import type { GradeResult } from '../grader/results.js';
import { kitRoot, runKit } from './run-kit.js';

/** Every file under `root` but its installed packages, by path with `/`. */
function filesOf(root: string, relative = ''): string[] {
  return readdirSync(path.join(root, relative), { withFileTypes: true }).flatMap((entry) => {
    const child = relative === '' ? entry.name : `${relative}/${entry.name}`;
    // The build's `grader` link points into `builds/`, which is walked itself.
    if (entry.name === 'node_modules' || entry.isSymbolicLink()) return [];
    return entry.isDirectory() ? filesOf(root, child) : [child];
  });
}

function kitFiles(folder: string): string[] {
  return filesOf(path.join(kitRoot, folder)).map((file) => path.join(kitRoot, folder, file));
}

function npm(cwd: string, args: string[]): { status: number | null; stdout: string; stderr: string } {
  const { NO_COLOR: _noColor, FORCE_COLOR: _forceColor, INIT_CWD: _initCwd, ...inherited } = process.env;
  return spawnSync('npm', args, { cwd, env: inherited, encoding: 'utf8', timeout: 240_000 });
}

describe('npm run release', () => {
  it('refuses an --out inside the kit, one that is not empty, or none, with one line, writing nothing', () => {
    const exercisesBefore = readdirSync(path.join(kitRoot, 'exercises'));
    const inside = runKit(['release', '--out', 'exercises/learner-copy']);
    expect([inside.status, inside.stderr]).toEqual([2, `error: --out exercises/learner-copy is inside the kit: choose a folder outside ${kitRoot}\n`]);
    expect(existsSync(path.join(kitRoot, 'exercises', 'learner-copy'))).toBe(false);
    expect(runKit(['release', '--out', '.']).stderr).toMatch(/^error: --out \. is inside the kit/);

    const busy = mkdtempSync(path.join(tmpdir(), 'busy-'));
    writeFileSync(path.join(busy, 'notes.txt'), 'mine');
    const notEmpty = runKit(['release', '--out', busy]);
    expect([notEmpty.status, notEmpty.stderr]).toEqual([2, `error: --out ${busy} exists and is not empty: choose a new or empty folder\n`]);
    expect(readdirSync(busy)).toEqual(['notes.txt']);
    rmSync(busy, { recursive: true });

    const none = runKit(['release']);
    expect([none.status, none.stderr]).toEqual([2, "error: --out <dir> is required: the new or empty folder to write the learner's copy to\n"]);
    // Not even a staging folder was left beside the refused --out.
    expect(readdirSync(path.join(kitRoot, 'exercises'))).toEqual(exercisesBefore);
  });

  it("names each of the kit's commands as a learner's or an instructor's", () => {
    const listed = /the commands are (.+)$/m.exec(runKit(['no-such-command']).stderr)?.[1]?.split(', ') ?? [];
    expect(listed).toContain('grade');
    const unplaced = listed.filter((name) => learnerCommands.includes(name) === instructorCommands.includes(name));
    expect(unplaced, 'put each command in learnerCommands or instructorCommands (grader/release/package.ts)').toEqual([]);
  });

  describe("a learner's copy", () => {
    let copy: string;
    beforeAll(() => {
      copy = path.join(mkdtempSync(path.join(tmpdir(), 'release-')), 'learner');
      // An empty folder that exists is taken too.
      mkdirSync(copy);
      const run = runKit(['release', '--out', copy]);
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      expect(run.stdout).toContain(`Learners run: cd ${copy} && npm install && npm run grade`);
    });
    afterAll(() => {
      rmSync(path.dirname(copy), { recursive: true, force: true });
    });

    it('has no solutions, hidden checks, mistakes, variants, tests, builds or caches, and only learner scripts', () => {
      const files = filesOf(copy);
      expect(files).toContain('exercises/visit-counter/view.ts');
      expect(files).toContain('grader/checks/visit-counter/public.ts');
      expect(files.filter((file) => /^(solutions|tests|\.ci|\.git|\.kit-build|\.kit-state|bench-results|grader\/mistakes|grader\/variants)\//.test(file))).toEqual([]);
      expect(files.filter((file) => /hidden\.ts$|\.test\.ts$|^CONTRIBUTING\.md$|^vitest\.config\.ts$/.test(file))).toEqual([]);

      const pkg = JSON.parse(readFileSync(path.join(copy, 'package.json'), 'utf8')) as { scripts: Record<string, string>; devDependencies: Record<string, string> };
      expect(pkg.scripts.grade).toBe('node grader/kit.mjs grade');
      for (const dropped of ['test', 'check', 'bench', 'release', 'new-exercise', 'lint', 'typecheck']) expect(pkg.scripts).not.toHaveProperty(dropped);
      for (const command of Object.values(pkg.scripts)) expect(learnerCommands).toContain(/^node grader\/kit\.mjs ([\w-]+)/.exec(command)?.[1]);
      expect(Object.keys(pkg.devDependencies)).not.toContain('vitest');
      const lock = readFileSync(path.join(copy, 'package-lock.json'), 'utf8');
      expect(lock).not.toMatch(/"node_modules\/(vitest|eslint|playwright-core)"/);

      const readme = readFileSync(path.join(copy, 'README.md'), 'utf8');
      expect(readme.split('\n').slice(0, 4).join('\n')).toMatch(/^# session-kit\n\n> \*\*This is the learner's copy of the kit\.\*\* .*\n> .*hidden checks are graded by your instructor/);
      expect(readme).not.toMatch(/^## For instructors$|npm test|npm run (check|release|new-exercise)\b/m);
    });

    it('installs from the npm cache and grades a solution on its public checks alone; nothing gives answers away', async () => {
      let install = npm(copy, ['ci', '--offline', '--no-audit', '--no-fund']);
      if (install.status !== 0) install = npm(copy, ['ci', '--prefer-offline', '--no-audit', '--no-fund']);
      expect(install.stderr).not.toMatch(/npm error/);
      expect(install.status).toBe(0);

      cpSync(path.join(kitRoot, 'solutions', 'visit-counter', 'view.ts'), path.join(copy, 'exercises', 'visit-counter', 'view.ts'));
      const report = npm(copy, ['run', 'grade', '--', 'visit-counter']);
      expect(report.status).toBe(0);
      expect(report.stdout).toMatch(/^visit-counter · Visit counter {2}7\/7 {2}passed$/m);
      expect(report.stdout).toContain('hidden checks of this exercise are graded by your instructor');
      const json = npm(copy, ['run', '--silent', 'grade', '--', 'visit-counter', 'favorite-color', '--json']);
      const { exercises } = JSON.parse(json.stdout) as GradeResult;
      const [counter, color] = ['visit-counter', 'favorite-color'].map((slug) => exercises.find((exercise) => exercise.slug === slug));
      expect([counter?.status, counter?.score === counter?.maxScore, counter?.hiddenChecksIncluded]).toEqual(['passed', true, false]);
      expect(counter?.checks.map((check) => check.visibility)).toEqual(['public', 'public', 'public', 'public']);
      expect([color?.score, color?.hiddenChecksIncluded]).toEqual([0, false]);
      expect(existsSync(path.join(copy, '.kit-build', 'grader', 'cli.js'))).toBe(true);

      // What must appear nowhere in the copy, its build (with source maps) and lockfile included:
      // hidden checks' ids, mistakes' and variants' headers, whole solutions, the tests' own words.
      const hidden = (await loadCourse()).flatMap((exercise) => exercise.checks.filter((check) => check.visibility === 'hidden'));
      expect(hidden.length).toBeGreaterThan(0);
      const secrets = hidden.map((check) => check.id);
      for (const file of [...kitFiles('grader/mistakes'), ...kitFiles('grader/variants')]) {
        const header = /(?:Known mistake|Correct variant):.*?(?=\s*\*\/|$)/m.exec(readFileSync(file, 'utf8'))?.[0];
        secrets.push(header ?? readFileSync(file, 'utf8').replace(/\s+/g, ' ').trim());
      }
      for (const file of kitFiles('solutions')) secrets.push(readFileSync(file, 'utf8').replace(/\s+/g, ' ').trim());
      for (const file of kitFiles('tests').filter((name) => name.endsWith('.test.ts'))) {
        secrets.push(/^\s*(?:\/\*\*|\*)\s+(.{40,}?)(?:\s*\*\/)?$/m.exec(readFileSync(file, 'utf8'))?.[1] ?? readFileSync(file, 'utf8'));
      }
      expect(secrets.filter((secret) => secret.length < 12)).toEqual([]);
      const found: string[] = [];
      for (const file of filesOf(copy).filter((name) => name !== 'exercises/visit-counter/view.ts')) {
        const text = readFileSync(path.join(copy, file), 'utf8');
        const flat = text.replace(/\s+/g, ' ');
        for (const secret of secrets) if (text.includes(secret) || flat.includes(secret)) found.push(`${file}: ${secret.slice(0, 80)}`);
      }
      expect(found).toEqual([]);
    }, 180_000); // installs a copy and grades it: about 15 s quiet, several times that on a busy machine
  });
});
