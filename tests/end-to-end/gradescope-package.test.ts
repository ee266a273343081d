/**
 * `npm run package:gradescope`: the zip holds Gradescope's two scripts at its root, the grader and
 * of the course what grading reads (the hidden checks and the known mistakes' list from solutions/
 * included), and nothing that is a whole view (no solution, variant, known mistake's code,
 * look-alike or stub).
 * Unpacked as Gradescope does into a folder standing in for /autograder, with only the packages
 * `npm ci --omit=dev` installs and the build `setup.sh` makes, its `run_autograder` grades each way
 * a learner hands work in and writes the results Gradescope reads.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manifest } from '../../grader/engine/course/manifest.js';
import { readQuiz, type Quiz } from '../../grader/engine/course/quiz.js';
import type { GradeResult } from '../../grader/engine/results.js';
import { classSlugs, outFolder } from '../class-fixture.js';
import { kitRoot, runKit } from '../run-kit.js';

interface Unzipped {
  name: string;
  mode: number;
  data: Buffer;
}

/** Reads a zip through its central directory, as unzip does. */
function unzip(archive: Buffer): Unzipped[] {
  const end = archive.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = archive.readUInt16LE(end + 10);
  let at = archive.readUInt32LE(end + 16);
  const entries: Unzipped[] = [];
  for (let index = 0; index < count; index += 1) {
    expect(archive.readUInt32LE(at)).toBe(0x02014b50);
    const method = archive.readUInt16LE(at + 10);
    const compressedSize = archive.readUInt32LE(at + 20);
    const nameLength = archive.readUInt16LE(at + 28);
    const extraLength = archive.readUInt16LE(at + 30);
    const commentLength = archive.readUInt16LE(at + 32);
    const mode = (archive.readUInt32LE(at + 38) >>> 16) & 0o777;
    const local = archive.readUInt32LE(at + 42);
    const name = archive.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    const dataStart = local + 30 + archive.readUInt16LE(local + 26) + archive.readUInt16LE(local + 28);
    const raw = archive.subarray(dataStart, dataStart + compressedSize);
    entries.push({ name, mode, data: method === 8 ? inflateRawSync(raw) : Buffer.from(raw) });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

interface GradescopeResults {
  score: number;
  output: string;
  tests: { name: string; score: number; max_score: number; status: string; output: string; visibility: string; tags: string[] }[];
}

describe('npm run package:gradescope', () => {
  let zipFile: string;
  let entries: Unzipped[];

  beforeAll(() => {
    zipFile = path.join(outFolder('package'), 'autograder.zip');
    mkdirSync(path.dirname(zipFile), { recursive: true });
    const run = runKit(['package-gradescope', ...classSlugs, '--hidden-visibility', 'after_due_date', '--out', zipFile]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Wrote .*autograder\.zip \(\d+ files, \d+ KiB\)/);
    entries = unzip(readFileSync(zipFile));
  });

  it('is the package:gradescope script', () => {
    const scripts = (JSON.parse(readFileSync(path.join(kitRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(scripts['package:gradescope']).toBe('node grader/kit.mjs package-gradescope');
  });

  it('holds setup.sh and run_autograder at its root, executable, the grader, and the course with its hidden checks', () => {
    const names = entries.map((entry) => entry.name);
    expect(names.slice(0, 2)).toEqual(['setup.sh', 'run_autograder']);
    for (const script of entries.slice(0, 2)) expect(script.mode).toBe(0o755);
    for (const name of ['package.json', 'package-lock.json', 'grader/kit.mjs', 'grader/cli.ts', 'grader/instructor/class/class-run.ts', 'exercises/course.json']) expect(names).toContain(name);
    // Every exercise of the course, not only those graded: the course's list names them all.
    for (const { slug } of manifest.exercises) {
      for (const file of ['exercises/<slug>/exercise.json', 'exercises/<slug>/checks.ts', 'solutions/<slug>/checks.ts', 'solutions/<slug>/mistakes.ts']) {
        const name = file.replace('<slug>', slug);
        if (existsSync(path.join(kitRoot, name))) expect(names).toContain(name);
      }
    }
    for (const slug of classSlugs) expect(names).toContain(`solutions/${slug}/checks.ts`);
    const setup = entries[0]?.data.toString('utf8') ?? '';
    expect(setup).toMatch(/^#!\/usr\/bin\/env bash/);
    expect(setup).toContain('setup_24.x');
    expect(setup).toMatch(/^npm ci --omit=dev /m);
    expect(setup).toMatch(/^node grader\/kit\.mjs grade --help/m);
    const runner = entries[1]?.data.toString('utf8') ?? '';
    expect(runner).toContain(`grade_flags=('favorite-color' 'visit-counter' '--hidden-visibility' 'after_due_date')`);
    expect(runner).toContain('root="${AUTOGRADER_ROOT:-/autograder}"');
    expect(readFileSync(path.join(kitRoot, 'package-lock.json')).equals(entries.find((entry) => entry.name === 'package-lock.json')?.data ?? Buffer.alloc(0))).toBe(true);
  });

  it('holds no solution, correct variant, known mistake, look-alike, stub or lesson, by name or by content', () => {
    const names = entries.map((entry) => entry.name);
    expect(names.filter((name) => /^(node_modules|\.kit-build|tests)\//.test(name))).toEqual([]);
    // Of solutions/, the hidden checks and the list of known mistakes alone; of exercises/, the course's data and public checks.
    expect(names.filter((name) => name.startsWith('solutions/') && !/^solutions\/[^/]+\/((checks|mistakes)\.ts|quiz\.json)$/.test(name))).toEqual([]);
    expect(names.filter((name) => name.startsWith('exercises/') && !/^exercises\/(course\.json|[^/]+\/(exercise\.json|checks\.ts))$/.test(name))).toEqual([]);
    // Every view of the kit: each file of solutions/ but its checks and list, and the stubs.
    const views = readdirSync(path.join(kitRoot, 'solutions'), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
      .map((entry) => path.join(entry.parentPath, entry.name))
      .filter((file) => !/^[^/]+\/(checks|mistakes)\.ts$/.test(path.relative(path.join(kitRoot, 'solutions'), file)))
      .concat(manifest.exercises.map(({ slug }) => path.join(kitRoot, 'exercises', slug, '.stub', 'view.ts')));
    for (const { slug } of manifest.exercises) expect(views).toContain(path.join(kitRoot, 'solutions', slug, 'view.ts'));
    for (const folder of ['mistakes', 'variants']) expect(views.some((file) => file.includes(`/${folder}/`)), folder).toBe(true);
    const contents = new Set(views.map((file) => readFileSync(file, 'utf8').trim()));
    expect(entries.filter((entry) => contents.has(entry.data.toString('utf8').trim())).map((entry) => entry.name)).toEqual([]);
  });

  it('passes unzip\'s own test where unzip is installed', (context) => {
    const check = spawnSync('unzip', ['-tq', zipFile], { encoding: 'utf8' });
    if (check.error) return context.skip('unzip is not installed');
    expect(check.status).toBe(0);
  });

  describe('run_autograder, in a folder standing in for /autograder', () => {
    let root: string;
    let source: string;

    /** Unpacks the zip as Gradescope does, into <root>/source, then does what setup.sh does but fetch. */
    beforeAll(() => {
      root = outFolder('autograder');
      source = path.join(root, 'source');
      for (const entry of entries) {
        const file = path.join(source, entry.name);
        mkdirSync(path.dirname(file), { recursive: true });
        writeFileSync(file, entry.data, { mode: entry.mode });
      }
      // npm ci --omit=dev from the kit's own modules: hard links are quick, and real files, which
      // the sandbox's permission model wants. What the lockfile marks dev is left out, as npm does.
      const modules = path.join(source, 'node_modules');
      const linked = spawnSync('cp', ['-al', path.join(kitRoot, 'node_modules'), modules]);
      if (linked.status !== 0) cpSync(path.join(kitRoot, 'node_modules'), modules, { recursive: true });
      const lock = JSON.parse(readFileSync(path.join(source, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean }> };
      for (const [name, entry] of Object.entries(lock.packages)) if (entry.dev) rmSync(path.join(source, name), { recursive: true, force: true });
      expect(existsSync(path.join(modules, 'express'))).toBe(true);
      expect(existsSync(path.join(modules, 'typescript'))).toBe(false);
      expect(existsSync(path.join(modules, '@types', 'express'))).toBe(false);
      // setup.sh's build, at setup time.
      const built = spawnSync(process.execPath, [path.join(source, 'grader', 'kit.mjs'), 'grade', '--help'], { cwd: source, encoding: 'utf8', timeout: 120_000 });
      expect(built.status, built.stderr).toBe(0);
      expect(existsSync(path.join(source, '.kit-build', 'stamp'))).toBe(true);
    });

    afterAll(() => rmSync(root, { recursive: true, force: true }));

    function runAutograder(submission: (folder: string) => void): { status: number | null; results: GradescopeResults; stdout: string } {
      const folder = path.join(root, 'submission');
      spawnSync('rm', ['-rf', folder, path.join(root, 'results')]);
      mkdirSync(folder);
      submission(folder);
      const { NO_COLOR: _a, FORCE_COLOR: _b, INIT_CWD: _c, ...env } = process.env;
      // Gradescope runs it from /autograder, the folder above the submission.
      const run = spawnSync('bash', [path.join(root, 'source', 'run_autograder')], {
        cwd: root,
        env: { ...env, AUTOGRADER_ROOT: root },
        encoding: 'utf8',
        timeout: 120_000,
      });
      const results = JSON.parse(readFileSync(path.join(root, 'results', 'results.json'), 'utf8')) as GradescopeResults;
      return { status: run.status, results, stdout: run.stdout + run.stderr };
    }

    /** A learner's work: one solution, one known mistake that hidden checks catch. */
    function work(exercises: string): void {
      for (const slug of classSlugs) {
        mkdirSync(path.join(exercises, slug));
        cpSync(path.join(kitRoot, 'solutions', slug, 'view.ts'), path.join(exercises, slug, 'view.ts'));
      }
      cpSync(path.join(kitRoot, 'solutions', 'visit-counter', 'mistakes', 'module-counter.ts'), path.join(exercises, 'visit-counter', 'view.ts'));
      writeFileSync(path.join(exercises, 'favorite-color', 'view.ts'), 'export function saveColor(req, res {\n  res.send("oops");\n}\n');
      // One quiz question answered right: the package holds the key that grades it.
      const quiz = readQuiz('visit-counter') as Quiz;
      const question = quiz.questions[0]!;
      writeFileSync(path.join(exercises, 'visit-counter', 'quiz-answers.json'), JSON.stringify({ answers: { [question.id]: String.fromCharCode(65 + quiz.answerOf(question.id).answer) } }));
    }

    function kitCopy(folder: string): string {
      mkdirSync(folder, { recursive: true });
      writeFileSync(path.join(folder, 'package.json'), '{ "name": "session-kit" }\n');
      return path.join(folder, 'exercises');
    }

    it.each([
      ['a folder of exercise folders', (folder: string) => folder, ''],
      ['a whole copy of the kit', kitCopy, 'exercises/'],
      ['exercise folders wrapped in a folder', (folder: string) => path.join(folder, 'my-work'), 'my-work/'],
      ['a copy of the kit wrapped in a folder', (folder: string) => kitCopy(path.join(folder, 'session-kit-main')), 'session-kit-main/exercises/'],
    ])('grades %s into /autograder/results/results.json, telling only what the visible checks show', (_kind, exercisesOf, prefix) => {
      let exercises = '';
      const { status, results, stdout } = runAutograder((folder) => {
        exercises = exercisesOf(folder);
        mkdirSync(exercises, { recursive: true });
        work(exercises);
      });
      expect(status, stdout).toBe(0);
      const alone = runKit(['grade', ...classSlugs, '--target', exercises, '--json', '--no-typecheck']);
      const expected = JSON.parse(alone.stdout) as GradeResult;
      expect(results.score).toBeLessThan(expected.maxScore);
      const checks = expected.exercises.flatMap((exercise) => exercise.checks);
      // A test per check, then one per quiz, graded as on the instructor's machine.
      const quizzes = expected.exercises.filter((exercise) => exercise.quiz);
      expect(quizzes.map((exercise) => exercise.slug)).toEqual(classSlugs);
      expect(results.tests).toHaveLength(checks.length + quizzes.length);
      expect(results.tests.slice(checks.length).map((test) => test.score)).toEqual(quizzes.map((exercise) => exercise.quiz?.points));
      expect(expected.exercises.find((exercise) => exercise.slug === 'visit-counter')?.quiz?.points).toBeGreaterThan(0);
      expect(results.score).toBe(expected.score + quizzes.reduce((sum, exercise) => sum + (exercise.quiz?.points ?? 0), 0));
      results.tests.slice(0, checks.length).forEach((test, index) => {
        const check = checks[index];
        expect(test.status).toBe(check?.passed ? 'passed' : 'failed');
        expect(test.visibility).toBe(check?.visibility === 'hidden' ? 'after_due_date' : 'visible');
      });
      // Shown at once: no total, no score with hidden points in it, no mistake read from hidden checks.
      expect(results.output).not.toMatch(/Total|This looks like/);
      expect(results.output).not.toContain(` ${expected.score}/${expected.maxScore}`);
      for (const exercise of expected.exercises) {
        expect(results.output).not.toContain(` ${exercise.score}/${exercise.maxScore}`);
        const open = exercise.checks.filter((check) => check.visibility === 'public');
        const points = `${open.filter((check) => check.passed).reduce((sum, check) => sum + check.points, 0)}/${open.reduce((sum, check) => sum + check.points, 0)}`;
        expect(results.output).toContain(`${exercise.slug} · ${exercise.title}  public checks ${points}`);
      }
      expect(results.tests.filter((test) => test.output.includes('This looks like')).map((test) => test.visibility)).toEqual(['after_due_date']);
      // Paths as the learner knows them: from the folder they handed in.
      expect(results.output).toContain(`(${prefix}favorite-color/view.ts:1:`);
      expect(JSON.stringify(results)).not.toContain(root);
      expect(JSON.stringify(results)).not.toMatch(/\/tmp\/|class\/submission/);
    });

    it('still writes results.json, with the verdict, for a submission that cannot be graded', () => {
      const { status, results } = runAutograder(() => undefined);
      expect(status).toBe(0);
      expect(results.score).toBe(0);
      expect(results.output).toContain('This submission could not be graded: the folder is empty.');
      expect(results.tests.every((test) => test.status === 'failed')).toBe(true);
    });

    it('explains itself in results.json when the grader cannot run at all', () => {
      const grader = path.join(root, 'source', 'grader', 'kit.mjs');
      const saved = readFileSync(grader);
      writeFileSync(grader, 'process.exit(3);\n');
      try {
        const { status, results } = runAutograder((folder) => writeFileSync(path.join(folder, 'notes.txt'), 'hi\n'));
        expect(status).toBe(3);
        expect(results).toEqual({ score: 0, output: expect.stringContaining('could not grade this submission (exit code 3)'), tests: [] });
      } finally {
        writeFileSync(grader, saved);
      }
      expect(existsSync(grader)).toBe(true);
    });
  });
});
