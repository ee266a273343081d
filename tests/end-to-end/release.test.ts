/**
 * `npm run release`, from a copy of the kit whose working folder holds a solution, a backup and
 * stray files: the learner's copy is each exercise's folder (its view.ts written from .stub/view.ts)
 * and the grader without grader/instructor/, checks itself (and refuses to be written when it
 * fails: any file of solutions/ or of the instructor's tools, by name, and their code anywhere), has
 * a README for learners whose sample outputs show the scores the copy itself gives, installs from
 * the npm cache, grades a solution with its public checks only, resets without git and has only
 * the learner's commands; nothing in it (sources, build, source maps, lockfile) gives a hidden
 * check, a solution, a known mistake, a correct variant or a test away. Bad --out folders are
 * refused with one line.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCourse } from '../../grader/engine/course/course.js';
import { readmeSamples } from '../../grader/instructor/soundness/readme-samples.js';
import { instructorCommands, learnerCommands } from '../../grader/instructor/release/package.js';
import { learnerGuideFile } from '../../grader/instructor/release/readme.js';
import type { GradeResult } from '../../grader/engine/results.js';
import { copyKit, runIn } from '../kit-copy.js';
import { kitRoot, runKit } from '../run-kit.js';

const course = await loadCourse();

/** The points of an exercise's checks: its public ones alone (a learner's copy runs no other), or all of them. */
function pointsOf(slug: string, which: 'public' | 'all'): number {
  const checks = course.find((exercise) => exercise.info.slug === slug)?.checks ?? [];
  return checks.filter((check) => which === 'all' || check.visibility === 'public').reduce((sum, check) => sum + check.points, 0);
}

/** The lines inside the ``` fences of a README. */
function fencedLines(readme: string): string[] {
  return readme.split('```').filter((_, index) => index % 2 === 1).flatMap((block) => block.split('\n'));
}

/** The scores a README's samples show, by exercise: report headers (`slug · Title  a/b  status`) and rows of the list. */
function shownScores(readme: string): { slug: string; score: number; max: number; line: string }[] {
  return fencedLines(readme).flatMap((line) => {
    const match = /^(\S+) · .+? {2}(\d+)\/(\d+) {2}\S/.exec(line) ?? /^ [→ ] ?\d+ {2}(\S+) .+ (\d+)\/(\d+) +\d+\/\d+(?: +(?:-|\d+\/\d+))?$/.exec(line);
    return match ? [{ slug: match[1] ?? '', score: Number(match[2]), max: Number(match[3]), line }] : [];
  });
}

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
    expect(unplaced, 'put each command in learnerCommands or instructorCommands (grader/instructor/release/package.ts)').toEqual([]);
  });

  describe("a learner's copy, released from a kit whose working folder holds answers", () => {
    let kit: string;
    let copy: string;
    const solution = (slug: string): string => readFileSync(path.join(kitRoot, 'solutions', slug, 'view.ts'), 'utf8');
    const stub = (slug: string): string => readFileSync(path.join(kitRoot, 'exercises', slug, '.stub', 'view.ts'), 'utf8');
    let released: { status: number | null; stdout: string; stderr: string };
    beforeAll(() => {
      kit = copyKit();
      // What an instructor's kit holds after some work: a solution tried in place, a backup that
      // reset left, notes, a draft check, the progress of a grading.
      writeFileSync(path.join(kit, 'exercises', 'visit-counter', 'view.ts'), solution('visit-counter'));
      writeFileSync(path.join(kit, 'exercises', 'theme', 'view.ts.bak'), solution('theme'));
      writeFileSync(path.join(kit, 'exercises', 'notes.txt'), 'answers: see solutions/');
      writeFileSync(path.join(kit, 'exercises', 'theme', 'draft.ts'), '// a check not ready yet\n');
      mkdirSync(path.join(kit, '.kit-state'), { recursive: true });
      writeFileSync(path.join(kit, '.kit-state', 'progress.json'), '{}');
      copy = path.join(mkdtempSync(path.join(tmpdir(), 'release-')), 'learner');
      // An empty folder that exists is taken too.
      mkdirSync(copy);
      released = runIn(kit, ['release', '--out', copy], { timeoutMs: 240_000 });
    }, 240_000);
    afterAll(() => {
      rmSync(path.dirname(copy), { recursive: true, force: true });
      rmSync(path.dirname(kit), { recursive: true, force: true });
    });

    it("takes the stubs from each exercise's .stub/ and leaves every planted file out, saying so", () => {
      expect(released.stderr).toBe('');
      expect(released.status).toBe(0);
      // Made as any new folder is, not private: a class's learners may need to read it.
      const fresh = path.join(path.dirname(copy), 'fresh');
      mkdirSync(fresh);
      expect((statSync(copy).mode & 0o777).toString(8)).toBe((statSync(fresh).mode & 0o777).toString(8));
      const files = filesOf(copy);
      expect(readFileSync(path.join(copy, 'exercises', 'visit-counter', 'view.ts'), 'utf8')).toBe(stub('visit-counter'));
      expect(files.filter((file) => /\.bak|notes\.txt|draft\.ts|\.kit-state/.test(file))).toEqual([]);
      for (const { info } of course) {
        expect(readFileSync(path.join(copy, 'exercises', info.slug, 'view.ts'), 'utf8')).toBe(stub(info.slug));
        expect(readFileSync(path.join(copy, 'exercises', info.slug, '.stub', 'view.ts'), 'utf8')).toBe(stub(info.slug));
        for (const file of ['README.md', 'exercise.json', 'checks.ts', 'mistakes.ts']) expect(files).toContain(`exercises/${info.slug}/${file}`);
      }
      expect(released.stdout).toContain('Not the stub in your kit, so the copy has the stub instead: exercises/visit-counter/view.ts.');
      expect(released.stdout).toContain(
        'Also left out, as no rule of the copy names them: exercises/notes.txt, exercises/theme/draft.ts, exercises/theme/view.ts.bak (a backup).',
      );
      // What the copy holds, by kind, counted from the copy itself.
      const publicChecks = course.flatMap((exercise) => exercise.checks.filter((check) => check.visibility === 'public'));
      const lessons = files.filter((file) => /^exercises\/[^/]+\/README\.md$/.test(file)).length;
      expect(released.stdout).toMatch(new RegExp(`^ +${lessons} lessons +exercises/<slug>/README\\.md$`, 'm'));
      expect(released.stdout).toMatch(new RegExp(`^ +${course.length} public check files +exercises/<slug>/checks\\.ts: ${publicChecks.length} checks, `, 'm'));
      expect(released.stdout).toMatch(new RegExp(`^ +${course.length + 1} course entries +exercises/course\\.json and exercises/<slug>/exercise\\.json$`, 'm'));
      expect(readFileSync(path.join(copy, 'exercises', 'course.json'), 'utf8')).toBe(readFileSync(path.join(kit, 'exercises', 'course.json'), 'utf8'));
      expect(released.stdout).toMatch(new RegExp(`^Wrote a learner's copy of ${course.length} exercises to .*: ${files.length} files\\.$`, 'm'));
      expect(released.stdout).toMatch(new RegExp(`^Checked: no file of solutions/ or grader/instructor/ in it, by name or by content, no hidden check's id and no backup; its ${course.length} stubs answer 501 "Not implemented yet" on all \\d+ routes and score 0 on all \\d+ checks\\.$`, 'm'));
      expect(released.stdout).toContain(`Learners run: cd ${copy} && npm install && npm run grade`);
    });

    it("has nothing of solutions/ or of the instructor's tools, no tests, builds or caches, and only learner scripts", () => {
      const files = filesOf(copy);
      expect(files).toContain('exercises/visit-counter/view.ts');
      expect(files).toContain('exercises/visit-counter/checks.ts');
      expect(files).toContain('grader/engine/grading/grade.ts');
      expect(files.filter((file) => /^(solutions|tests|templates|\.ci|\.git|\.kit-build|\.kit-state|bench-results|grader\/instructor)\//.test(file))).toEqual([]);
      expect(files.filter((file) => /\.test\.ts$|^CONTRIBUTING\.md$|^vitest\.config\.ts$/.test(file))).toEqual([]);
      // The grader but its instructor's folder, file for file.
      const grader = filesOf(path.join(kit, 'grader')).filter((file) => !file.startsWith('instructor/') && /\.[cm]?[jt]s$/.test(file)).map((file) => `grader/${file}`);
      expect(files.filter((file) => file.startsWith('grader/')).sort()).toEqual(grader.sort());

      const pkg = JSON.parse(readFileSync(path.join(copy, 'package.json'), 'utf8')) as { scripts: Record<string, string>; devDependencies: Record<string, string> };
      expect(pkg.scripts.grade).toBe('node grader/kit.mjs grade');
      for (const dropped of ['test', 'check', 'bench', 'release', 'new-exercise', 'lint', 'typecheck']) expect(pkg.scripts).not.toHaveProperty(dropped);
      for (const command of Object.values(pkg.scripts)) expect(learnerCommands).toContain(/^node grader\/kit\.mjs ([\w-]+)/.exec(command)?.[1]);
      expect(Object.keys(pkg.devDependencies)).not.toContain('vitest');
      const lock = readFileSync(path.join(copy, 'package-lock.json'), 'utf8');
      expect(lock).not.toMatch(/"node_modules\/(vitest|eslint|playwright-core)"/);
    });

    it("has a README for learners: the public checks by title, hidden ones graded by the instructor, this copy's counts", () => {
      const readme = readFileSync(path.join(copy, 'README.md'), 'utf8');
      const publicChecks = course.flatMap((exercise) => exercise.checks.filter((check) => check.visibility === 'public'));
      const points = publicChecks.reduce((sum, check) => sum + check.points, 0);
      expect(readme).toMatch(/^# session-kit: your exercises\n/);
      expect(readme).toContain(`In all: ${course.length} exercises, ${publicChecks.length} public checks, ${points} points.`);
      expect(readme).toMatch(/Your instructor also grades \*\*hidden\*\* checks, which are not in this copy/);
      for (const check of publicChecks) expect(readme).toContain(`- ${check.level}, ${check.points} point${check.points === 1 ? '' : 's'}: ${check.title}\n`);
      const publicTitles = new Set(publicChecks.map((check) => check.title));
      const hiddenTitles = course.flatMap((exercise) => exercise.checks.filter((check) => check.visibility === 'hidden' && !publicTitles.has(check.title)).map((check) => check.title));
      expect(hiddenTitles.filter((title) => readme.includes(`${title}\n`) || readme.includes(`${title} (hidden)`))).toEqual([]);
      expect(readme).not.toMatch(/\(hidden\)$/m);
      for (const { info } of course) expect(readme).toMatch(new RegExp(`^\\| \\d+ \\| \`${info.slug}\` \\| ${info.level} \\|`, 'm'));
      // Its sample outputs show the copy's maxima, made without marks naming the kit's files.
      expect(readme).not.toContain('<!-- sample');
      const scores = shownScores(readme);
      expect(scores.map(({ slug }) => slug)).toEqual(expect.arrayContaining(['visit-counter', 'favorite-color']));
      expect(scores.filter(({ slug, max }) => max !== pointsOf(slug, 'public'))).toEqual([]);
      expect(pointsOf('visit-counter', 'all')).toBeGreaterThan(pointsOf('visit-counter', 'public'));
      expect(released.stdout).toMatch(/^The \d+ sample outputs in its README were made by running the copy, with its public checks only\.$/m);
      // Nothing of the instructor's text, nor of the kit's timings; how to hand in, and what seals the app on each system.
      expect(readme).not.toMatch(/known mistake|variant|--submissions|a class|gradebook|autograder|npm test|npm run (check|release|new-exercise|bench|package)|solutions\/|grader\/(mistakes|variants)/i);
      expect(readme).not.toMatch(/\bmedians?\b|\bbench|\d-core|\d+(\.\d+)? ?(ms|s) (a|per) /i);
      expect(readme).toMatch(/^## Handing in\n[\s\S]*\*\*A zip\.\*\*[\s\S]*\*\*A repository \(GitHub Classroom\)\.\*\*[\s\S]*\*\*Gradescope\.\*\*/m);
      expect(readme).toContain('How to hand your work\nin: [Handing in](#handing-in).');
      for (const system of ['Linux with bubblewrap', 'Linux without bubblewrap (or where it cannot run), and macOS', 'Windows']) expect(readme).toContain(`\n| ${system} | `);
      // Every link within the page leads to one of its headings, every document it shows is in the copy.
      const anchors = new Set([...readme.matchAll(/^#+ (.+)$/gm)].map((match) => (match[1] ?? '').toLowerCase().replace(/[^\w\- ]/g, '').replace(/ /g, '-')));
      for (const [, anchor] of readme.matchAll(/\]\(#([^)]+)\)/g)) expect(anchors).toContain(anchor);
      for (const [, doc] of readme.matchAll(/\]\((docs\/[^)]+)\)/g)) expect(existsSync(path.join(copy, doc ?? ''))).toBe(true);
    });

    it("--check fails a copy that holds a backup, a solution in place of a stub or a README sample of the kit's, listing each", () => {
      // A sample as the instructor's kit prints it: its mark, the kit's maximum, a hidden check.
      const readmeFile = path.join(copy, 'README.md');
      const readmeBefore = readFileSync(readmeFile, 'utf8');
      const [all, own] = [pointsOf('visit-counter', 'all'), pointsOf('visit-counter', 'public')];
      const hiddenTitle = course.find((exercise) => exercise.info.slug === 'visit-counter')?.checks.find((check) => check.visibility === 'hidden')?.title;
      const planted = [
        '<!-- sample: npm run grade -- visit-counter, with solutions/visit-counter/mistakes/count-in-cookie.ts as its view.ts -->',
        '```text',
        `visit-counter · Visit counter  6/${all}  failed`,
        `  ✘ hard   2 pt  ${hiddenTitle} (hidden)`,
        '',
        `Total: 6/${all} (46%), 0 of 1 exercises passed`,
        '```',
      ];
      const at = readmeBefore.split('\n').length;
      writeFileSync(readmeFile, `${readmeBefore}${planted.join('\n')}\n`);
      writeFileSync(path.join(copy, 'exercises', 'theme', 'view.ts.bak'), solution('theme'));
      writeFileSync(path.join(copy, 'exercises', 'last-page', 'view.ts'), solution('last-page'));
      let failed;
      try {
        failed = runIn(kit, ['release', '--check', copy], { timeoutMs: 120_000 });
      } finally {
        rmSync(path.join(copy, 'exercises', 'theme', 'view.ts.bak'));
        writeFileSync(path.join(copy, 'exercises', 'last-page', 'view.ts'), stub('last-page'));
        writeFileSync(readmeFile, readmeBefore);
      }
      expect(failed.status).toBe(1);
      const lines = failed.stderr.trim().split('\n');
      expect(lines[0]).toMatch(new RegExp(`^error: ${copy} is not fit to hand out: \\d+ problem\\(s\\):$`));
      expect(lines).toContain("  exercises/theme/view.ts.bak: a backup, which a learner's copy does not hold");
      expect(lines).toContain('  exercises/theme/view.ts.bak: holds a solution (solutions/theme/view.ts)');
      expect(lines).toContain('  exercises/last-page/view.ts: not the stub (exercises/last-page/.stub/view.ts)');
      expect(lines).toContain('  exercises/last-page/view.ts: holds a solution (solutions/last-page/view.ts)');
      expect(lines).toContain('  exercises/last-page/view.ts: not every handler answers 501 "Not implemented yet" (failed: GET /pages/about answered 200 "Previous page: none", expected 501 "Not implemented yet")');
      expect(lines.some((line) => /^ {2}exercises\/last-page\/view\.ts: scores [1-9]\d*\/\d+, passing last-page\//.test(line))).toBe(true);
      expect(lines).toContain(`  README.md:${at}: a sample mark, which names files of the instructor's kit`);
      expect(lines).toContain(`  README.md:${at + 2}: "visit-counter · Visit counter  6/${all}  failed" shows a maximum of ${all} for visit-counter, where this copy's checks give ${own}`);
      expect(lines).toContain(`  README.md:${at + 3}: "✘ hard   2 pt  ${hiddenTitle} (hidden)" shows a hidden check, which this copy does not run`);
      expect(lines).toContain(`  README.md:${at + 5}: "Total: 6/${all} (46%), 0 of 1 exercises passed" shows a maximum of ${all}, where this copy's checks of the exercises above give ${own}`);

      const passed = runIn(kit, ['release', '--check', copy], { timeoutMs: 120_000 });
      expect([passed.status, passed.stderr]).toEqual([0, '']);
      expect(passed.stdout).toMatch(/^Checked: no file of solutions\/ or grader\/instructor\/ in it/m);
    }, 240_000);

    it("--check refuses any file of solutions/ or of the instructor's tools, by its place, and their code wherever it is", () => {
      // Every file of the kit's solutions/ and grader/instructor/ at its place, and a note in each whose text is no secret.
      const byName = ['solutions', 'grader/instructor'].flatMap((folder) => filesOf(path.join(kit, folder)).map((file) => `${folder}/${file}`));
      const notes = ['solutions/notes.md', 'grader/instructor/notes.txt'];
      // Code of the instructor's appended to files the copy holds.
      const first = (folder: string): string => `${folder}/${filesOf(path.join(kit, folder)).find((file) => file.endsWith('.ts')) ?? ''}`;
      const pasted: Record<string, string> = {
        'exercises/theme/checks.ts': first('solutions/theme/variants'),
        'exercises/theme/README.md': first('solutions/theme/mistakes'),
        'exercises/theme/mistakes.ts': first('solutions/theme/lookalikes'),
        'grader/engine/paths.ts': 'grader/instructor/release/verify.ts',
      };
      const before = new Map(Object.keys(pasted).map((file) => [file, readFileSync(path.join(copy, file), 'utf8')]));
      for (const file of byName) {
        mkdirSync(path.dirname(path.join(copy, file)), { recursive: true });
        cpSync(path.join(kit, file), path.join(copy, file));
      }
      for (const file of notes) writeFileSync(path.join(copy, file), 'to do\n');
      for (const [file, from] of Object.entries(pasted)) writeFileSync(path.join(copy, file), `${before.get(file) ?? ''}\n${readFileSync(path.join(kit, from), 'utf8')}`);
      let failed;
      try {
        failed = runIn(kit, ['release', '--check', copy], { timeoutMs: 120_000 });
      } finally {
        rmSync(path.join(copy, 'solutions'), { recursive: true, force: true });
        rmSync(path.join(copy, 'grader', 'instructor'), { recursive: true, force: true });
        for (const [file, text] of before) writeFileSync(path.join(copy, file), text);
      }
      expect(failed.status).toBe(1);
      const lines = failed.stderr.trim().split('\n').slice(1);
      const refusedByName = (file: string): boolean => lines.some((line) => line.startsWith(`  ${file}: `) && line.endsWith(", which a learner's copy does not hold"));
      expect([...byName, ...notes].filter((file) => !refusedByName(file))).toEqual([]);
      expect(lines).toContain("  solutions/notes.md: a file of solutions/, the instructor's, which a learner's copy does not hold");
      expect(lines).toContain("  solutions/theme/view.ts: a solution of solutions/, the instructor's, which a learner's copy does not hold");
      expect(lines).toContain("  solutions/theme/checks.ts: hidden checks of solutions/, the instructor's, which a learner's copy does not hold");
      expect(lines).toContain("  grader/instructor/notes.txt: the instructor's tools (grader/instructor/), which a learner's copy does not hold");
      expect(lines).toContain("  grader/instructor/release/verify.ts: the instructor's tools (grader/instructor/), which a learner's copy does not hold");
      expect(lines).toContain('  solutions/theme/view.ts: holds a solution (solutions/theme/view.ts)');
      expect(lines).toContain(`  exercises/theme/checks.ts: holds a correct variant (${pasted['exercises/theme/checks.ts']})`);
      expect(lines).toContain(`  exercises/theme/README.md: holds a known mistake's code (${pasted['exercises/theme/README.md']})`);
      expect(lines).toContain(`  exercises/theme/mistakes.ts: holds a look-alike (${pasted['exercises/theme/mistakes.ts']})`);
      expect(lines).toContain("  grader/engine/paths.ts: holds the instructor's tools' code (grader/instructor/release/verify.ts)");
      // Nothing else is wrong with the copy: each problem is a planted file's.
      const planted = [...byName, ...notes, ...Object.keys(pasted)];
      expect(lines.filter((line) => !planted.some((file) => line.startsWith(`  ${file}: `)))).toEqual([]);

      const passed = runIn(kit, ['release', '--check', copy], { timeoutMs: 120_000 });
      expect([passed.status, passed.stderr]).toEqual([0, '']);
    }, 240_000);

    it('installs from the npm cache, grades a solution on its public checks alone, resets without git; nothing gives answers away', async () => {
      let install = npm(copy, ['ci', '--offline', '--no-audit', '--no-fund']);
      if (install.status !== 0) install = npm(copy, ['ci', '--prefer-offline', '--no-audit', '--no-fund']);
      expect(install.stderr).not.toMatch(/npm error/);
      expect(install.status).toBe(0);

      cpSync(path.join(kitRoot, 'solutions', 'visit-counter', 'view.ts'), path.join(copy, 'exercises', 'visit-counter', 'view.ts'));
      const report = npm(copy, ['run', 'grade', '--', 'visit-counter']);
      expect(report.status).toBe(0);
      const counter = course.find((exercise) => exercise.info.slug === 'visit-counter');
      const counterPoints = counter?.checks.filter((check) => check.visibility === 'public').reduce((sum, check) => sum + check.points, 0);
      expect(report.stdout).toMatch(new RegExp(`^visit-counter · Visit counter {2}${counterPoints}/${counterPoints} {2}passed$`, 'm'));
      expect(report.stdout).toContain('hidden checks of this exercise are graded by your instructor');
      const json = npm(copy, ['run', '--silent', 'grade', '--', 'visit-counter', 'favorite-color', '--json']);
      const { exercises } = JSON.parse(json.stdout) as GradeResult;
      const [graded, color] = ['visit-counter', 'favorite-color'].map((slug) => exercises.find((exercise) => exercise.slug === slug));
      expect([graded?.status, graded?.score === graded?.maxScore, graded?.hiddenChecksIncluded]).toEqual(['passed', true, false]);
      expect(new Set(graded?.checks.map((check) => check.visibility))).toEqual(new Set(['public']));
      expect([color?.score, color?.hiddenChecksIncluded]).toEqual([0, false]);
      expect(existsSync(path.join(copy, '.kit-build', 'grader', 'cli.js'))).toBe(true);

      // The scores its README's samples show are what this copy gives the views the sample marks of
      // the kit's learner's guide name, graded here as a learner would (from a folder outside the copy).
      const views = [...new Set(readmeSamples(readFileSync(path.join(kitRoot, learnerGuideFile), 'utf8')).flatMap((sample) => (sample.kind === 'progress' ? sample.graded : [[sample.slug, sample.view] as const]).map((pair) => pair.join('='))))];
      const given = views.map((pair) => {
        const [slug = '', view = ''] = pair.split('=');
        const target = mkdtempSync(path.join(tmpdir(), 'sample-view-'));
        mkdirSync(path.join(target, slug));
        cpSync(path.join(kitRoot, view), path.join(target, slug, 'view.ts'));
        const run = npm(copy, ['run', '--silent', 'grade', '--', slug, '--target', target, '--json', '--no-typecheck']);
        rmSync(target, { recursive: true });
        const [result] = (JSON.parse(run.stdout) as GradeResult).exercises;
        return `${slug} ${result?.score}/${result?.maxScore}`;
      });
      const shown = shownScores(readFileSync(path.join(copy, 'README.md'), 'utf8'));
      expect(shown.length).toBeGreaterThan(0);
      for (const { slug, score, max, line } of shown) expect(given, line).toContain(`${slug} ${score}/${max}`);

      // The copy is no git repository: reset takes the stub from the copy's exercises/<slug>/.stub/.
      expect(existsSync(path.join(copy, '.git'))).toBe(false);
      const reset = npm(copy, ['run', '--silent', 'reset', '--', 'visit-counter']);
      expect([reset.status, reset.stdout]).toEqual([0, 'Restored exercises/visit-counter/view.ts to its stub.\nYour version is kept in exercises/visit-counter/view.ts.bak.\n']);
      expect(readFileSync(path.join(copy, 'exercises', 'visit-counter', 'view.ts'), 'utf8')).toBe(stub('visit-counter'));
      expect(readFileSync(path.join(copy, 'exercises', 'visit-counter', 'view.ts.bak'), 'utf8')).toBe(solution('visit-counter'));

      // What must appear nowhere in the copy, its build (with source maps) and lockfile included:
      // hidden checks' ids, mistakes' and variants' headers, whole solutions, the tests' own words.
      const hidden = course.flatMap((exercise) => exercise.checks.filter((check) => check.visibility === 'hidden'));
      expect(hidden.length).toBeGreaterThan(0);
      const secrets = hidden.map((check) => check.id);
      const kept = kitFiles('solutions').filter((file) => /\/(mistakes|variants|lookalikes)\/[^/]+\.ts$/.test(file));
      expect(kept.length).toBeGreaterThan(0);
      for (const file of kept) {
        const header = /(?:Known mistake|Correct variant|Look-alike of [\w-]+):.*?(?=\s*\*\/|$)/m.exec(readFileSync(file, 'utf8'))?.[0];
        secrets.push(header ?? readFileSync(file, 'utf8').replace(/\s+/g, ' ').trim());
      }
      // The solutions and hidden checks whole; the list of known mistakes, whose public part the copy holds, by its hidden checks' ids above.
      for (const file of kitFiles('solutions').filter((name) => /\/(view|checks)\.ts$/.test(name) && !kept.includes(name))) secrets.push(readFileSync(file, 'utf8').replace(/\s+/g, ' ').trim());
      for (const file of kitFiles('tests').filter((name) => name.endsWith('.test.ts'))) {
        secrets.push(/^\s*(?:\/\*\*|\*)\s+(.{40,}?)(?:\s*\*\/)?$/m.exec(readFileSync(file, 'utf8'))?.[1] ?? readFileSync(file, 'utf8'));
      }
      expect(secrets.filter((secret) => secret.length < 12)).toEqual([]);
      const found: string[] = [];
      // The learner's own backup of the solution is theirs to keep.
      for (const file of filesOf(copy).filter((name) => name !== 'exercises/visit-counter/view.ts.bak')) {
        const text = readFileSync(path.join(copy, file), 'utf8');
        const flat = text.replace(/\s+/g, ' ');
        for (const secret of secrets) if (text.includes(secret) || flat.includes(secret)) found.push(`${file}: ${secret.slice(0, 80)}`);
      }
      expect(found).toEqual([]);
      // Nor does its build hold the instructor's tools: there is nothing of them to build.
      expect(filesOf(copy).filter((file) => file.split('/').includes('instructor'))).toEqual([]);
    }, 240_000); // installs a copy and grades it: about 15 s quiet, over 60 s on a busy machine

    it("runs its Classroom workflow's tests as GitHub Classroom runs them: full points for an exercise whose public checks all pass, none otherwise", () => {
      const workflow = readFileSync(path.join(copy, '.github', 'workflows', 'classroom.yml'), 'utf8');
      const tests = [...workflow.matchAll(/^ {8}id: (\S+)\n(?: {8}.*\n)*? {10}command: (.+)\n(?: {10}.*\n)*? {10}max-score: (\d+)$/gm)].map(([, slug = '', command = '', points = '']) => ({ slug, command, points: Number(points) }));
      expect(tests.map(({ slug }) => slug)).toEqual(course.map((exercise) => exercise.info.slug));
      for (const { slug, points } of tests) expect([slug, points]).toEqual([slug, pointsOf(slug, 'public')]);
      // Classroom's total is the README's, public points only.
      const total = tests.reduce((sum, { points }) => sum + points, 0);
      expect(readFileSync(path.join(copy, 'README.md'), 'utf8')).toMatch(new RegExp(`^In all: .*, ${total} points\\.$`, 'm'));
      expect(total).toBeLessThan(course.reduce((sum, { info }) => sum + pointsOf(info.slug, 'all'), 0));
      // The command grader runs each command through a shell with PATH, HOME and FORCE_COLOR alone; exit code 0 earns the points.
      const view = path.join(copy, 'exercises', 'favorite-color', 'view.ts');
      const stubText = readFileSync(view, 'utf8');
      cpSync(path.join(kitRoot, 'solutions', 'favorite-color', 'view.ts'), view);
      const run = (slug: string): number | null => {
        const command = tests.find((test) => test.slug === slug)?.command ?? 'false';
        return spawnSync('sh', ['-c', command], { cwd: copy, env: { PATH: process.env.PATH, HOME: process.env.HOME, FORCE_COLOR: 'true' }, encoding: 'utf8', timeout: 120_000 }).status;
      };
      try {
        expect([run('favorite-color'), run('visit-counter')]).toEqual([0, 1]);
      } finally {
        writeFileSync(view, stubText);
      }
    }, 240_000);

    it("names every known mistake a public check catches, by its evidence, with the copy's own list and checks", () => {
      // The copy's grader, built by the install above, grades each of the kit's known mistakes as a view.
      const script = [
        "const { loadCourse } = await import('./.kit-build/grader/engine/course/course.js');",
        "const { gradeJobs, defaultLimits } = await import('./.kit-build/grader/engine/grading/grade.js');",
        "const { stopCompiler } = await import('./.kit-build/grader/engine/grading/compile.js');",
        'const jobs = (await loadCourse()).flatMap((exercise) => (exercise.mistakes ?? []).map((mistake) => ({ exercise, id: mistake.id })));',
        `const results = await gradeJobs(jobs.map(({ exercise, id }) => ({ exercise, file: ${JSON.stringify(kitRoot)} + '/solutions/' + exercise.info.slug + '/mistakes/' + id + '.ts' })), { limits: defaultLimits, typecheck: false, lanes: 2 });`,
        'const missed = jobs.filter(({ id }, index) => !results[index].mistakes.some((match) => match.id === id && match.certain)).map(({ exercise, id }) => exercise.info.slug + "/" + id);',
        'console.log(JSON.stringify({ listed: jobs.length, missed }));',
        'await stopCompiler();',
      ].join('\n');
      const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: copy, encoding: 'utf8', timeout: 240_000 });
      expect(run.stderr).toBe('');
      const { listed, missed } = JSON.parse(run.stdout) as { listed: number; missed: string[] };
      const caughtInPublic = course.flatMap((exercise) => (exercise.mistakes ?? []).filter((mistake) => mistake.fails.some((id) => exercise.checks.some((check) => check.id === id && check.visibility === 'public'))));
      expect(listed).toBe(caughtInPublic.length);
      expect(missed).toEqual([]);
    }, 240_000);
    it("lists the learner's commands only, and says in one line that each of the instructor's is not in the copy", () => {
      const listed = (run: { stdout: string }): string[] => [...run.stdout.matchAll(/^ {2}npm run (\S+)/gm)].map((match) => match[1] ?? '');
      // The kit lists both, so that the copy's list is the copy's doing.
      expect(listed(runKit(['help']))).toContain('check');
      const help = runIn(copy, ['help']);
      expect([help.status, help.stderr]).toEqual([0, '']);
      const commands = listed(help);
      expect(commands).toContain('grade');
      expect(commands.filter((name) => !learnerCommands.includes(name))).toEqual([]);
      const gradeHelp = runIn(copy, ['grade', '--help']);
      expect(gradeHelp.status).toBe(0);
      expect(gradeHelp.stdout).not.toMatch(/ --(submissions|out|format|jobs|resume|shard|hidden-visibility|typecheck)\b/);
      expect(gradeHelp.stdout).toContain('--fail-under <percent>');
      for (const name of instructorCommands) {
        const run = runIn(copy, [name]);
        expect([run.status, run.stdout, run.stderr]).toEqual([2, '', `error: npm run ${name} is the instructor's: this learner's copy of the kit does not have it\n`]);
      }
      const classRun = runIn(copy, ['grade', '--submissions', 'class', '--out', 'graded']);
      expect([classRun.status, classRun.stderr]).toEqual([2, "error: grading a class is the instructor's: this learner's copy of the kit does not have it\n"]);
      const unknown = runIn(copy, ['no-such-command']);
      expect(unknown.stderr).toBe(`error: no command "no-such-command": the commands are ${learnerCommands.filter((name) => name !== 'help').join(', ')}\n`);
    });
  });

  it('refuses to write a copy whose files would give an answer away or whose stub does not answer 501, listing them', () => {
    const kit = copyKit();
    const out = path.join(path.dirname(kit), 'learner');
    try {
      // A solution pasted into a file the copy takes, and a stub with one handler written.
      const publicChecks = path.join(kit, 'exercises', 'theme', 'checks.ts');
      writeFileSync(publicChecks, `${readFileSync(publicChecks, 'utf8')}\n/*\n${readFileSync(path.join(kitRoot, 'solutions', 'theme', 'view.ts'), 'utf8')}*/\n`);
      const stubFile = path.join(kit, 'exercises', 'theme', '.stub', 'view.ts');
      const stubText = readFileSync(stubFile, 'utf8');
      const showTheme = stubText.lastIndexOf("res.status(501).send('Not implemented yet');");
      writeFileSync(stubFile, `${stubText.slice(0, showTheme)}res.send(\`Theme: \${req.session.theme ?? 'light'}\`);${stubText.slice(showTheme + "res.status(501).send('Not implemented yet');".length)}`);
      const run = runIn(kit, ['release', '--out', out], { timeoutMs: 240_000 });
      expect(run.status).toBe(1);
      const lines = run.stderr.trim().split('\n');
      expect(lines[0]).toBe(`error: the copy failed its check, so nothing was written to ${out}; ${lines.length - 1} problem(s), by path in the copy:`);
      expect(lines).toContain('  exercises/theme/checks.ts: holds a solution (solutions/theme/view.ts)');
      expect(lines.some((line) => /^ {2}exercises\/theme\/\.stub\/view\.ts: not every handler answers 501 "Not implemented yet" \(failed: GET \/theme answered 200/.test(line))).toBe(true);
      expect(lines.some((line) => /^ {2}exercises\/theme\/\.stub\/view\.ts: scores [1-9]\d*\/\d+, passing theme\//.test(line))).toBe(true);
      expect(run.stdout).toBe('');
      // Nothing written, not even a staging folder beside it.
      expect(readdirSync(path.dirname(kit))).toEqual(['kit']);
    } finally {
      rmSync(path.dirname(kit), { recursive: true, force: true });
    }
  }, 240_000);
});
