/**
 * Grading a class (`npm run grade -- --submissions … --out …`) on a real class of eight learners:
 * the gradebook agrees with the results documents row by row, every learner has a row (even those
 * that cannot be graded), feedback shows only what a learner may see, an interrupted run resumes
 * without regrading, shards merge into what one run writes, and the formats have their shapes.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderFeedback } from '../../grader/instructor/class/feedback.js';
import { toGradescope } from '../../grader/instructor/class/gradescope.js';
import { toJUnit } from '../../grader/instructor/class/junit.js';
import { learnerView } from '../../grader/instructor/class/learner-view.js';
import { outputName } from '../../grader/instructor/class/output-name.js';
import { findSubmissions, fingerprint } from '../../grader/instructor/class/submissions.js';
import { defaultLimits } from '../../grader/engine/grading/grade.js';
import { checkHintsApply, type GradeResult } from '../../grader/engine/results.js';
import { classLearners, classSize, classSlugs, makeClass, outFolder, parseCsv } from '../class-fixture.js';
import { kitRoot, runKit } from '../run-kit.js';

function readResult(out: string, learner: string): GradeResult {
  return JSON.parse(readFileSync(path.join(out, 'results', `${outputName(learner)}.json`), 'utf8')) as GradeResult;
}

function gradebook(out: string): string[][] {
  return parseCsv(readFileSync(path.join(out, 'gradebook.csv'), 'utf8'));
}

function gradeClass(submissions: string, out: string, ...flags: string[]) {
  return runKit(['grade', ...classSlugs, '--submissions', submissions, '--out', out, ...flags]);
}

/** The learners' ids in gradebook order: sorted by code unit. */
const sortedIds = Object.values(classLearners).sort((a, b) => (a < b ? -1 : 1));


/** The line that names an exercise's known mistakes, as the report writes it. */
function namedMistakes(exercise: GradeResult['exercises'][number]): string {
  const titles = exercise.mistakes.map((mistake) => mistake.title);
  return titles.length === 1 ? `This looks like: ${titles[0]}` : `This looks like one of: ${titles.join('; or ')}`;
}

describe('finding work wrapped in folders', () => {
  it('looks two folders down at most, takes the shallowest, follows no link on the way, and judges a linked exercises/ as ever', () => {
    const root = path.dirname(outFolder());
    const learner = (id: string, ...wrapping: string[]): string => {
      const folder = path.join(root, 'class', id, ...wrapping);
      cpSync(path.join(kitRoot, 'solutions', 'theme'), path.join(folder, 'theme'), { recursive: true });
      return folder;
    };
    learner('two-down', 'a', 'b');
    learner('three-down', 'a', 'b', 'c');
    const shallow = learner('two-copies', 'z-newer');
    learner('two-copies', 'a-older', 'inside');
    mkdirSync(path.join(root, 'class', 'through-a-link'));
    symlinkSync(path.dirname(learner('elsewhere-outside')), path.join(root, 'class', 'through-a-link', 'wrapped'));
    // A whole copy of the kit, handed in with nothing in exercises/, and one wrapped: never graded from the kit's own views below it (solutions/).
    for (const copy of [path.join('empty-copy'), path.join('empty-copy-wrapped', 'session-kit-main')]) {
      cpSync(path.join(kitRoot, 'solutions'), path.join(root, 'class', copy, 'solutions'), { recursive: true, filter: (source) => !source.includes(`${path.sep}mistakes`) });
      mkdirSync(path.join(root, 'class', copy, 'exercises'));
    }
    mkdirSync(path.join(root, 'class', 'linked-exercises', 'session-kit-main'), { recursive: true });
    symlinkSync(path.join(kitRoot, 'solutions'), path.join(root, 'class', 'linked-exercises', 'session-kit-main', 'exercises'));
    const found = new Map(findSubmissions(path.join(root, 'class')).map((submission) => [submission.id, submission]));
    expect(found.get('two-down')).toMatchObject({ handIn: 'graded', wrappedIn: path.join('a', 'b') });
    expect(found.get('three-down')).toMatchObject({ handIn: 'no-exercises', wrappedIn: null });
    expect(found.get('two-copies')).toMatchObject({ handIn: 'graded', exercisesDir: shallow });
    expect(found.get('through-a-link')?.handIn).toBe('no-exercises');
    expect(found.get('linked-exercises')).toMatchObject({ handIn: 'link-outside' });
    expect(found.get('empty-copy')).toMatchObject({ handIn: 'no-exercises', exercisesDir: path.join(root, 'class', 'empty-copy', 'exercises') });
    expect(found.get('empty-copy-wrapped')).toMatchObject({ handIn: 'no-exercises' });
  });

  it('grades a learner again under another grader, whose results may differ: its build is part of the fingerprint', () => {
    const folder = path.join(path.dirname(outFolder()), 'class-for-fingerprints', 'ada');
    cpSync(path.join(kitRoot, 'solutions', 'theme'), path.join(folder, 'theme'), { recursive: true });
    const [ada] = findSubmissions(path.dirname(folder));
    const settings = { exercises: [], limits: defaultLimits, typecheck: false, grader: 'build-a' };
    expect(ada && fingerprint(ada, { ...settings })).toBe(ada && fingerprint(ada, settings));
    expect(ada && fingerprint(ada, { ...settings, grader: 'build-b' })).not.toBe(ada && fingerprint(ada, settings));
  });
});

describe('npm run grade -- --submissions', () => {
  let submissions: string;
  let out: string;
  let first: ReturnType<typeof runKit>;

  beforeAll(() => {
    submissions = makeClass();
    out = outFolder();
    first = gradeClass(submissions, out);
  });

  it('grades every learner and prints one plain line per learner when not on a terminal', () => {
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    const lines = first.stdout.split('\n').filter((line) => line.startsWith('['));
    expect(lines).toHaveLength(classSize);
    expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^\\[\\d+/${classSize}\\] ${classLearners.stubs}: 0/\\d+ \\(0%\\), 0 of 2 exercises passed, none started$`)));
    expect(lines.filter((line) => line.endsWith('none started'))).toHaveLength(1);
    expect(lines.map((line) => /^\[\d+\/(\d+)\]/.exec(line)?.[1])).toEqual(Array(classSize).fill(String(classSize)));
    expect(first.stdout).toMatch(new RegExp(`^Graded ${classSize} learners \\(3 not gradable\\) in [\\d.]+ s: [\\d.]+ per second, \\d+ at once`, 'm'));
    // The grader and its hosts together: more than one Node process, far less than the 2 GB budget.
    const peak = Number(/peak memory (\d+) MiB \(grader and sandbox hosts\)/.exec(first.stdout)?.[1]);
    expect(peak).toBeGreaterThan(60);
    expect(peak).toBeLessThan(2048);
  });

  it('writes a gradebook row for every learner, computed from the results documents', () => {
    const [header, ...rows] = gradebook(out);
    expect(header).toEqual(['id', 'total', 'maximum', ...classSlugs, 'hand-in', ...classSlugs.map((slug) => `${slug} status`), 'quiz total', 'quiz maximum', ...classSlugs.map((slug) => `${slug} quiz`)]);
    expect(rows.map((row) => row[0])).toEqual(sortedIds);
    for (const row of rows) {
      const result = readResult(out, row[0] as string);
      const scores = classSlugs.map((slug) => String(result.exercises.find((exercise) => exercise.slug === slug)?.score));
      expect(row.slice(1, 3 + classSlugs.length)).toEqual([String(result.score), String(result.maxScore), ...scores]);
      expect(result.score).toBe(result.exercises.reduce((sum, exercise) => sum + exercise.score, 0));
    }
    const handIn = (id: string): string | undefined => rows.find((row) => row[0] === id)?.[3 + classSlugs.length];
    expect(handIn(classLearners.empty)).toBe('empty');
    expect(handIn(classLearners.noExercises)).toBe('no-exercises');
    expect(handIn(classLearners.unreadable)).toBe('unreadable');
    for (const id of [classLearners.solved, classLearners.stubs, classLearners.mistaken, classLearners.broken, classLearners.quoted, classLearners.wrapped]) {
      expect(handIn(id)).toBe('graded');
    }
  });

  it('gives each kind of hand-in the score and statuses it deserves', () => {
    const solved = readResult(out, classLearners.solved);
    expect(solved.score).toBe(solved.maxScore);
    expect(readResult(out, classLearners.quoted).score).toBe(solved.maxScore);
    expect(readResult(out, classLearners.stubs).score).toBe(0);
    // The kit's stubs, untouched: graded (no point), and told apart from work that failed.
    expect(readResult(out, classLearners.stubs).exercises.map((exercise) => exercise.status)).toEqual(['not-started', 'not-started']);
    const wrapped = readResult(out, classLearners.wrapped);
    expect(wrapped.exercises.map((exercise) => exercise.status)).toEqual(['passed', 'not-started']);
    expect(wrapped.target).toBe(path.join(submissions, classLearners.wrapped, 'Downloads', 'session-kit-main', 'exercises'));
    const mistaken = readResult(out, classLearners.mistaken);
    expect(mistaken.score).toBeGreaterThan(0);
    expect(mistaken.score).toBeLessThan(mistaken.maxScore);
    const broken = readResult(out, classLearners.broken);
    expect(broken.exercises.map((exercise) => exercise.status)).toEqual(['compile-error', 'passed']);
    for (const id of [classLearners.empty, classLearners.noExercises, classLearners.unreadable]) {
      const result = readResult(out, id);
      expect(result.score).toBe(0);
      expect(result.maxScore).toBe(solved.maxScore);
    }
  });

  it('says in the gradebook why each exercise has its score: a status column per exercise', () => {
    const [header, ...rows] = gradebook(out);
    const statusOf = (id: string, slug: string): string | undefined => rows.find((row) => row[0] === id)?.[header?.indexOf(`${slug} status`) ?? -1];
    for (const row of rows) {
      const result = readResult(out, row[0] as string);
      for (const slug of classSlugs) expect(statusOf(row[0] as string, slug)).toBe(result.exercises.find((exercise) => exercise.slug === slug)?.status);
    }
    expect(classSlugs.map((slug) => statusOf(classLearners.broken, slug))).toEqual(['compile-error', 'passed']);
    expect(classSlugs.map((slug) => statusOf(classLearners.stubs, slug))).toEqual(['not-started', 'not-started']);
    expect(classSlugs.map((slug) => statusOf(classLearners.empty, slug))).toEqual(['missing-file', 'missing-file']);
  });

  it('leaves stubs not started out of the class report\'s pass rates, as it does missing files and views that never ran', () => {
    const html = readFileSync(path.join(out, 'report.html'), 'utf8');
    for (const slug of classSlugs) {
      const ran = sortedIds.map((id) => readResult(out, id).exercises.find((exercise) => exercise.slug === slug)).filter((exercise) => exercise && ['passed', 'failed'].includes(exercise.status));
      const passed = ran.filter((exercise) => exercise?.status === 'passed').length;
      expect(html).toContain(`data-exercise-passed="${slug}" data-passed="${passed}" data-ran="${ran.length}"`);
    }
    // The wrapped learner's visit-counter is the stub; the learner with only stubs is counted apart.
    expect(html).toMatch(/data-exercise="visit-counter"[^\n]*data-status="not-started" data-count="1"/);
  });

  it('finds the work of a learner who handed it in wrapped in folders, and says where in the feedback', () => {
    const feedback = readFileSync(path.join(out, 'feedback', `${classLearners.wrapped}.md`), 'utf8');
    expect(feedback).toContain('Your exercises were found in `Downloads/session-kit-main/exercises/` inside the folder you handed in.');
    expect(feedback).toMatch(/^visit-counter · Visit counter {2}0\/\d+ {2}not started$/m);
    expect(feedback).toContain('every handler still answers "Not implemented yet"');
  });

  it('gives a learner with nothing to grade a short paragraph, not every check failed', () => {
    for (const id of [classLearners.stubs, classLearners.empty, classLearners.noExercises]) {
      const feedback = readFileSync(path.join(out, 'feedback', `${outputName(id)}.md`), 'utf8');
      const result = readResult(out, id);
      expect(feedback).not.toContain('✘');
      expect(feedback.trimEnd().split('\n').length).toBeLessThanOrEqual(8);
      expect(feedback).toContain(`**Total: 0/${result.maxScore} (0%), 0 of ${classSlugs.length} exercises passed**`);
      expect(feedback).toContain('Hand in one folder per exercise, each with its `view.ts`');
    }
    const stubs = readFileSync(path.join(out, 'feedback', `${classLearners.stubs}.md`), 'utf8');
    expect(stubs).toContain('None of your exercises is started yet: in `favorite-color`, `visit-counter` every handler still answers "Not implemented yet"');
    expect(readFileSync(path.join(out, 'feedback', `${classLearners.noExercises}.md`), 'utf8')).toContain('could not be graded: no exercise folder with a view.ts');
  });

  it('quotes the CSV fields that need it', () => {
    const text = readFileSync(path.join(out, 'gradebook.csv'), 'utf8');
    expect(text).toContain('"li, ""lee"""');
  });

  it('stores the same result document as --json prints', () => {
    const single = runKit(['grade', ...classSlugs, '--target', path.join(submissions, classLearners.broken), '--json', '--no-typecheck']);
    expect(single.status).toBe(0);
    const alone = JSON.parse(single.stdout) as GradeResult;
    const stored = readResult(out, classLearners.broken);
    const shape = (result: GradeResult): unknown =>
      result.exercises.map((exercise) => ({ ...exercise, durationMs: 0, checks: exercise.checks.map((check) => ({ ...check, durationMs: 0 })) }));
    expect(Object.keys(stored).sort()).toEqual(Object.keys(alone).sort());
    expect({ ...stored, durationMs: 0, exercises: shape(stored) }).toEqual({ ...alone, durationMs: 0, exercises: shape(alone) });
  });

  it('gives each learner feedback with public details, hidden checks by title and hint only, and no instructor paths', () => {
    const feedback = readFileSync(path.join(out, 'feedback', `${classLearners.mistaken}.md`), 'utf8');
    const result = readResult(out, classLearners.mistaken);
    expect(feedback).toMatch(/^# Feedback for cy$/m);
    expect(feedback).toContain(`Total: ${result.score}/${result.maxScore}`);
    const failedPublic = result.exercises.flatMap((exercise) => exercise.checks).filter((check) => !check.passed && check.visibility === 'public');
    const failedHidden = result.exercises.flatMap((exercise) => exercise.checks).filter((check) => !check.passed && check.visibility === 'hidden');
    expect(failedPublic.length).toBeGreaterThan(0);
    expect(failedHidden.length).toBeGreaterThan(0);
    for (const check of failedPublic) expect(feedback).toContain(check.message);
    for (const check of failedHidden) {
      expect(feedback).toContain(`${check.title} (hidden)`);
      if (check.message) expect(feedback).not.toContain(check.message);
    }
    // One hint per exercise: the known mistake's own when one is named, else the first failed check's.
    for (const exercise of result.exercises.filter((candidate) => candidate.status === 'failed')) {
      if (exercise.mistakes.length > 0) {
        expect(feedback).toContain(namedMistakes(exercise));
        for (const mistake of exercise.mistakes) expect(feedback).toContain(`hint: ${mistake.hint}`);
      } else expect(feedback).toContain(`hint: ${exercise.checks.find((check) => !check.passed)?.hint}`);
    }
    expect(result.exercises.flatMap((exercise) => exercise.mistakes.map((mistake) => mistake.id))).toContain('module-counter');
    expect(feedback.match(/hint: /g)?.length).toBeLessThanOrEqual(result.exercises.reduce((sum, exercise) => sum + Math.max(1, exercise.mistakes.length), 0));
    expect(feedback).toContain('expected:');
    for (const file of readdirSync(path.join(out, 'feedback'))) {
      expect(readFileSync(path.join(out, 'feedback', file), 'utf8')).not.toContain(submissions);
    }
    const broken = readFileSync(path.join(out, 'feedback', `${classLearners.broken}.md`), 'utf8');
    expect(broken).toMatch(/view\.ts does not compile: .* \(favorite-color\/view\.ts:1:\d+\)/);
    expect(readFileSync(path.join(out, 'feedback', `${classLearners.empty}.md`), 'utf8')).toContain('could not be graded: the folder is empty');
  });

  it('never shows a learner what a hidden check said, in any learner-facing format', () => {
    const result = readResult(out, classLearners.mistaken);
    const secret = 'GET /secret-route answered 200 "x", expected 200 "y"';
    const hidden = result.exercises.flatMap((exercise) => exercise.checks).find((check) => !check.passed && check.visibility === 'hidden');
    expect(hidden).toBeDefined();
    if (hidden) {
      hidden.message = secret;
      hidden.details = { requests: [secret], expected: secret, actual: secret };
    }
    const view = learnerView(result, path.join(submissions, classLearners.mistaken));
    for (const text of [renderFeedback('cy', view, null), JSON.stringify(toGradescope(view, 'after_published', null)), toJUnit('cy', view)]) {
      expect(text).toContain(hidden?.title.slice(0, 10));
      expect(text).not.toContain('secret-route');
    }
  });

  it("shows paths relative to the learner's folder, and leaves alone text that only ends like one", () => {
    const result = readResult(out, classLearners.mistaken);
    const folder = path.join(submissions, classLearners.mistaken);
    const [exercise] = result.exercises;
    if (exercise) exercise.output = `read ${path.join(folder, 'theme', 'view.ts')} (${path.join(folder, 'x')}); kept backup${folder}/y`;
    expect(learnerView(result, folder).exercises[0]?.output).toBe(`read theme/view.ts (x); kept backup${folder}/y`);
  });

  it('writes the class report beside the gradebook', () => {
    const html = readFileSync(path.join(out, 'report.html'), 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).not.toMatch(/(src|href)=["']?(https?:)?\/\//);
  });

  it('refuses to write over a class run without --resume, with one line', () => {
    const again = gradeClass(submissions, out);
    expect(again.status).toBe(2);
    expect(again.stderr.trim()).toMatch(/^error: --out .* already holds a class run: add --resume to finish or update it, or choose another folder$/);
  });

  it('keeps unchanged learners on --resume and grades again only the one whose files changed', () => {
    const resumedOut = outFolder();
    cpSync(out, resumedOut, { recursive: true });
    const before = new Map(sortedIds.map((id) => [id, statSync(path.join(resumedOut, 'results', `${outputName(id)}.json`)).mtimeMs]));
    const changed = makeClassCopy(submissions);
    cpSync(path.join(kitRoot, 'solutions', 'favorite-color', 'view.ts'), path.join(changed, classLearners.mistaken, 'favorite-color', 'view.ts'));
    const resumed = gradeClass(changed, resumedOut, '--resume');
    expect(resumed.status).toBe(0);
    const kept = resumed.stdout.split('\n').filter((line) => line.endsWith('kept from the earlier run'));
    // The unreadable learner is always tried again; the one whose view changed is graded again.
    expect(kept).toHaveLength(classSize - 2);
    expect(resumed.stdout).toMatch(new RegExp(`\\(${classSize - 2} kept from an earlier run, 3 not gradable\\)`));
    for (const id of sortedIds) {
      const now = statSync(path.join(resumedOut, 'results', `${outputName(id)}.json`)).mtimeMs;
      if (id === classLearners.mistaken || id === classLearners.unreadable) expect(now).not.toBe(before.get(id));
      else expect(now).toBe(before.get(id));
    }
    const row = gradebook(resumedOut).find((candidate) => candidate[0] === classLearners.mistaken);
    expect(row?.[3]).toBe(String(readResult(out, classLearners.solved).exercises[0]?.maxScore));
  });

  it('says so when a --resume has nothing to grade', () => {
    const small = makeClassCopy(submissions, [classLearners.solved, classLearners.stubs]);
    const smallOut = outFolder();
    expect(gradeClass(small, smallOut).status).toBe(0);
    const again = gradeClass(small, smallOut, '--resume');
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/^Nothing to grade: all 2 learners are as the last run graded them \(same files, same settings\), and kept\.$/m);
    expect(again.stdout).not.toMatch(/per second/);
  });

  it('finishes an interrupted run with --resume, without regrading what was done', async () => {
    const interruptedOut = outFolder();
    const child = spawn(process.execPath, [path.join(kitRoot, 'grader', 'kit.mjs'), 'grade', ...classSlugs, '--submissions', submissions, '--out', interruptedOut, '--jobs', '1'], {
      cwd: kitRoot,
      env: { ...process.env, INIT_CWD: kitRoot, NO_COLOR: '1' },
    });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        if (stdout.includes('[2/')) child.kill('SIGINT');
      });
      child.on('exit', (status) => resolve(status));
    });
    expect(code).toBe(130);
    expect(stderr).toMatch(new RegExp(`^Interrupted \\(SIGINT\\): \\d+ of ${classSize} learners done\\. Run the same command with --resume to finish\\.$`, 'm'));
    const done = readdirSync(path.join(interruptedOut, 'records')).filter((name) => name.endsWith('.json'));
    expect(done.length).toBeGreaterThanOrEqual(2);
    expect(done.length).toBeLessThan(classSize);
    // Only whole files: no temporary file is left, and every record has its results.
    for (const dir of ['results', 'records', 'feedback']) {
      expect(readdirSync(path.join(interruptedOut, dir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    }
    expect(existsSync(path.join(interruptedOut, 'gradebook.csv'))).toBe(false);
    const resumed = gradeClass(submissions, interruptedOut, '--resume');
    expect(resumed.status).toBe(0);
    const keptIds = resumed.stdout.split('\n').filter((line) => line.endsWith('kept from the earlier run')).map((line) => /\] (.*): kept/.exec(line)?.[1]);
    const doneNames = done.map((name) => name.slice(0, -'.json'.length)).filter((name) => name !== outputName(classLearners.unreadable));
    expect(keptIds.map((id) => outputName(id ?? '')).sort()).toEqual(doneNames.sort());
    expect(readFileSync(path.join(interruptedOut, 'gradebook.csv'), 'utf8')).toBe(readFileSync(path.join(out, 'gradebook.csv'), 'utf8'));
  });

  it('grades shards that merge into the gradebook of one run', () => {
    const shards = [1, 2, 3].map((index) => {
      const shardOut = outFolder(`shard-${index}`);
      const run = gradeClass(submissions, shardOut, '--shard', `${index}/3`);
      expect(run.status).toBe(0);
      return shardOut;
    });
    const counts = shards.map((dir) => gradebook(dir).length - 1);
    expect(counts.reduce((sum, count) => sum + count, 0)).toBe(classSize);
    // Learners sorted by id, every third: the first shard has the 1st, 4th and 7th.
    expect(gradebook(shards[0] as string).slice(1).map((row) => row[0])).toEqual([sortedIds[0], sortedIds[3], sortedIds[6]]);
    const merged = outFolder();
    const run = runKit(['grade', 'merge', ...shards, '--out', merged]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^Merged ${classSize} learners from 3 folders into `));
    expect(readFileSync(path.join(merged, 'gradebook.csv'), 'utf8')).toBe(readFileSync(path.join(out, 'gradebook.csv'), 'utf8'));
    expect(readdirSync(path.join(merged, 'results')).sort()).toEqual(readdirSync(path.join(out, 'results')).sort());
    expect(readdirSync(path.join(merged, 'feedback')).sort()).toEqual(readdirSync(path.join(out, 'feedback')).sort());
    for (const id of sortedIds) expect(readResult(merged, id).score).toBe(readResult(out, id).score);

    const twice = runKit(['grade', 'merge', shards[0] as string, shards[0] as string, '--out', outFolder()]);
    expect(twice.status).toBe(2);
    expect(twice.stderr.trim()).toMatch(/^error: learner ".*" is in both .* and .*: merge each learner from one folder only$/);
  });

  it('writes Gradescope results and JUnit XML with their shapes', () => {
    const formatsOut = outFolder();
    const run = gradeClass(submissions, formatsOut, '--format', 'gradescope', '--format', 'junit');
    expect(run.status).toBe(0);
    for (const id of sortedIds) {
      const result = readResult(formatsOut, id);
      const gradescope = JSON.parse(readFileSync(path.join(formatsOut, 'gradescope', outputName(id), 'results.json'), 'utf8')) as {
        score: number;
        execution_time: number;
        output: string;
        tests: { name: string; score: number; max_score: number; status: string; output: string; visibility: string; tags: string[] }[];
      };
      expect(gradescope.score).toBe(result.score);
      expect(typeof gradescope.execution_time).toBe('number');
      // Hidden checks are shown once grades are published: until then the output shown at once tells no total and no mistake.
      expect(gradescope.output).not.toContain('Total');
      expect(gradescope.output).toMatch(/^(This submission could not be graded: .*\n\n)?Public checks only: \d+ hidden checks \(\d+ points\) are graded too, and shown once grades are published\.$/m);
      // An untouched stub says so at once: 501 on every route is what its public checks saw.
      for (const exercise of result.exercises.filter((candidate) => candidate.status === 'not-started')) {
        expect(gradescope.output).toContain(`${exercise.slug} · ${exercise.title}  public checks 0/`);
        expect(gradescope.output).toContain(`  ! ${exercise.message ?? ''}`);
      }
      for (const exercise of result.exercises.filter((candidate) => candidate.mistakes.length > 0)) {
        expect(gradescope.output).not.toContain(namedMistakes(exercise));
        expect(gradescope.tests.filter((test) => test.output.includes(namedMistakes(exercise))).map((test) => test.visibility)).toEqual(['after_published']);
      }
      const checks = result.exercises.flatMap((exercise) => exercise.checks.map((check) => ({ exercise, check })));
      // One test per check, then one per exercise's quiz (none of this class's hand-ins answers it).
      const quizzes = result.exercises.filter((exercise) => exercise.quiz);
      expect(gradescope.tests).toHaveLength(checks.length + quizzes.length);
      expect(gradescope.tests.slice(checks.length).map((test) => [test.name, test.score])).toEqual(quizzes.map((exercise) => [`${exercise.title}: quiz`, 0]));
      expect(gradescope.tests.reduce((sum, test) => sum + test.score, 0)).toBe(result.score);
      expect(gradescope.tests.slice(0, checks.length).reduce((sum, test) => sum + test.max_score, 0)).toBe(result.maxScore);
      gradescope.tests.slice(0, checks.length).forEach((test, index) => {
        const { exercise, check } = checks[index] as (typeof checks)[number];
        expect(Object.keys(test).sort()).toEqual(['max_score', 'name', 'output', 'score', 'status', 'tags', 'visibility']);
        expect(test.name).toBe(`${exercise.title}: ${check.title}`);
        expect(test.status).toBe(check.passed ? 'passed' : 'failed');
        expect(test.visibility).toBe(check.visibility === 'hidden' ? 'after_published' : 'visible');
        expect(test.tags).toEqual([check.level, exercise.slug]);
        const failed = exercise.checks.filter((candidate) => !candidate.passed);
        const firstPublic = failed.find((candidate) => candidate.visibility === 'public');
        // An app that never ran, or nothing begun, has its reason (and fix) in the overview, and no test a hint.
        const hinted = checkHintsApply(exercise) && (firstPublic ? firstPublic === check : exercise.mistakes.length === 0 && failed[0] === check);
        expect(test.output.includes(`hint: ${check.hint}`)).toBe(hinted);
        if (check.visibility === 'hidden' && check.message) expect(test.output).not.toContain(check.message);
      });

      const xml = readFileSync(path.join(formatsOut, 'junit', `${outputName(id)}.xml`), 'utf8');
      expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites /);
      const quizQuestions = quizzes.reduce((sum, exercise) => sum + (exercise.quiz?.questions.length ?? 0), 0);
      expect(xml.match(/<testsuite /g)).toHaveLength(result.exercises.length + quizzes.length);
      expect(xml.match(/<testcase /g)).toHaveLength(checks.length + quizQuestions);
      // A check that ran and failed is a failure; one of an exercise that could not run is an error.
      const ran = (status: string): boolean => status === 'passed' || status === 'failed';
      const failures = checks.filter(({ exercise, check }) => !check.passed && ran(exercise.status)).length;
      const errors = checks.filter(({ exercise, check }) => !check.passed && !ran(exercise.status)).length;
      expect(xml.match(/<failure /g)?.length ?? 0).toBe(failures);
      expect(xml.match(/<error /g)?.length ?? 0).toBe(errors);
      expect(xml).toMatch(new RegExp(`<testsuites name="session-kit: [^"]*" tests="${checks.length + quizQuestions}" failures="${failures}" errors="${errors}"`));
      expect(xml).not.toMatch(/[<>&]"|="[^"]*<[^"]*"/);
    }
    expect(readFileSync(path.join(formatsOut, 'junit', `${outputName(classLearners.quoted)}.xml`), 'utf8')).toContain('name="session-kit: li, &quot;lee&quot;"');

    const visible = outFolder();
    expect(gradeClass(submissions, visible, '--format', 'gradescope', '--hidden-visibility', 'visible').status).toBe(0);
    const tests = (JSON.parse(readFileSync(path.join(visible, 'gradescope', classLearners.solved, 'results.json'), 'utf8')) as { tests: { visibility: string }[] }).tests;
    expect(new Set(tests.map((test) => test.visibility))).toEqual(new Set(['visible']));
  });

  it('adds a format asked for on --resume to the learners it keeps', () => {
    const later = outFolder();
    cpSync(out, later, { recursive: true });
    const run = gradeClass(submissions, later, '--resume', '--format', 'junit');
    expect(run.status).toBe(0);
    for (const id of sortedIds) expect(existsSync(path.join(later, 'junit', `${outputName(id)}.xml`))).toBe(true);
  });

  it.each([
    [['--submissions', 'no/such/class', '--out', 'x'], /^error: no folder .*no\/such\/class: --submissions takes the folder that holds one folder per learner$/],
    [['--shard', '4/3'], /^error: --shard takes k\/n with 1 ≤ k ≤ n \(for example 2\/4\), not "4\/3"$/],
    [['--format', 'pdf'], /^error: --format takes gradescope or junit, not "pdf"$/],
    [['--hidden-visibility', 'later'], /^error: --hidden-visibility takes hidden, after_due_date, after_published, visible, not "later"$/],
    [['no-such-exercise'], /^error: no exercise "no-such-exercise": the exercises are favorite-color, /],
  ])('exits 2 with one line for %j', (flags, message) => {
    const base = flags[0] === '--submissions' ? ['grade', ...flags] : ['grade', '--submissions', submissions, '--out', outFolder(), ...flags];
    const run = runKit(base);
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr.trim()).toMatch(message);
  });

  it('refuses an --out inside the class and a class without learners', () => {
    const inside = runKit(['grade', '--submissions', submissions, '--out', path.join(submissions, 'out')]);
    expect(inside.status).toBe(2);
    expect(inside.stderr.trim()).toMatch(/^error: --out .* is inside --submissions: choose a folder outside the class's work$/);
    const emptyClass = path.dirname(outFolder());
    const none = runKit(['grade', '--submissions', emptyClass, '--out', outFolder()]);
    expect(none.status).toBe(2);
    expect(none.stderr.trim()).toMatch(/^error: no learner folders in .*: --submissions takes a folder holding one folder per learner$/);
  });

  it('lists the class flags in the usage text', () => {
    const help = runKit(['grade', '--help']);
    expect(help.status).toBe(0);
    for (const flag of ['--submissions <dir>', '--out <dir>', '--resume', '--shard <k>/<n>', '--format <name>', '--hidden-visibility <v>', '--jobs <n>', '--typecheck', 'merge <dir...> --out <dir>']) {
      expect(help.stdout).toContain(flag);
    }
  });
});

/** A copy of the class to change, links and all. */
/** A copy of the class, or of only the learners named. */
function makeClassCopy(submissions: string, only?: string[]): string {
  const copy = outFolder('class');
  if (only) for (const id of only) cpSync(path.join(submissions, id), path.join(copy, id), { recursive: true, verbatimSymlinks: true });
  else cpSync(submissions, copy, { recursive: true, verbatimSymlinks: true });
  writeFileSync(path.join(copy, '.note'), 'hidden files are not learners\n');
  return copy;
}
