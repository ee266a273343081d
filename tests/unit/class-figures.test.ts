/**
 * The class's figures, from real gradings of real views: a full-marks learner, one with known
 * mistakes, one whose view lacks its export (it never ran), one whose app dies partway through the
 * checks, one who handed in the stubs untouched, and an empty folder. A view that never ran must
 * not count in a check's pass rate, and the learners with nothing gradable not in the mean.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCourse } from '../../grader/engine/course/course.js';
import { gradeJobs, type GradedExercise } from '../../grader/engine/grading/grade.js';
import { didNotRun, exerciseResult, gradeResult, notRunChecks, type GradeResult } from '../../grader/engine/results.js';
import { classFigures } from '../../grader/instructor/class/class-figures.js';
import { classSummary } from '../../grader/instructor/class/class-progress.js';
import type { ClassEntry } from '../../grader/instructor/class/gradebook.js';
import { kitRoot } from '../run-kit.js';

const slugs = ['favorite-color', 'visit-counter'];
const solution = (slug: string): string => path.join(kitRoot, 'solutions', slug, 'view.ts');
const mistake = (slug: string, id: string): string => path.join(kitRoot, 'solutions', slug, 'mistakes', `${id}.ts`);
const stub = (slug: string): string => path.join(kitRoot, 'exercises', slug, '.stub', 'view.ts');

/** Counts right once, then ends the app: the checks after it are not run. */
const diesOnSecondVisit = `
let visits = 0;
export function countVisit(req: any, res: any): void {
  visits += 1;
  if (visits === 2) process.exit(3);
  req.session.visits = (req.session.visits ?? 0) + 1;
  res.send(\`You have visited this page \${req.session.visits} times.\`);
}
`;

/** Each learner's views: a file to copy, or the text of one. */
const learners: Record<string, Record<string, string | { text: string }>> = {
  ada: { 'favorite-color': solution('favorite-color'), 'visit-counter': solution('visit-counter') },
  cy: { 'favorite-color': mistake('favorite-color', 'session-set-method'), 'visit-counter': solution('visit-counter') },
  di: { 'favorite-color': { text: 'export const nothingHere = 1;\n' }, 'visit-counter': mistake('visit-counter', 'module-counter') },
  fay: { 'favorite-color': solution('favorite-color'), 'visit-counter': { text: diesOnSecondVisit } },
  bo: { 'favorite-color': stub('favorite-color'), 'visit-counter': stub('visit-counter') },
};

let root: string;
let course: GradedExercise[];
let entries: ClassEntry[];

/** An empty folder, as a class run records it: every exercise missing, no check run. */
function emptyFolder(): GradeResult {
  const results = course.map((exercise) =>
    exerciseResult({ slug: exercise.info.slug, title: exercise.info.title, hiddenChecksIncluded: true, status: 'missing-file', message: 'the folder is empty', location: null, output: '', durationMs: 0, checks: notRunChecks(exercise.checks, 'the folder is empty') }),
  );
  return gradeResult('.', results, 'bwrap');
}

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'class-figures-'));
  course = await loadCourse(slugs);
  entries = [];
  for (const [learner, views] of Object.entries(learners)) {
    for (const [slug, view] of Object.entries(views)) {
      const file = path.join(root, learner, slug, 'view.ts');
      mkdirSync(path.dirname(file), { recursive: true });
      if (typeof view === 'string') cpSync(view, file);
      else writeFileSync(file, view.text);
    }
    const jobs = course.map((exercise) => ({ exercise, file: path.join(root, learner, exercise.info.slug, 'view.ts') }));
    const results = await gradeJobs(jobs, { limits: { requestTimeoutMs: 2000, exerciseTimeoutMs: 10_000, heapMb: 64 }, typecheck: false });
    entries.push({ learner, result: gradeResult(path.join(root, learner), results, 'bwrap'), handIn: 'graded', reason: null });
  }
  entries.push({ learner: 'ed', result: emptyFolder(), handIn: 'empty', reason: 'the folder is empty' });
}, 120_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

const resultOf = (learner: string): GradeResult => entries.find((entry) => entry.learner === learner)?.result as GradeResult;
const exerciseOf = (learner: string, slug: string) => resultOf(learner).exercises.find((exercise) => exercise.slug === slug);

describe('the class figures', () => {
  it('grades the views as the cases need them', () => {
    expect(exerciseOf('di', 'favorite-color')?.status).toBe('missing-export');
    expect(exerciseOf('bo', 'visit-counter')?.status).toBe('not-started');
    const died = exerciseOf('fay', 'visit-counter');
    expect(died?.status).toBe('crashed');
    expect(died?.checks.some((check) => didNotRun(check.message))).toBe(true);
    expect(died?.checks.some((check) => !didNotRun(check.message))).toBe(true);
  });

  it('gives each learner a row: score, exercises passed, status, the exercises that did not run', () => {
    const rows = Object.fromEntries(classFigures(entries).learners.map((row) => [row.learner, row]));
    expect(Object.keys(rows)).toEqual(['ada', 'bo', 'cy', 'di', 'ed', 'fay']);
    expect(rows.ada).toMatchObject({ score: resultOf('ada').score, maxScore: resultOf('ada').maxScore, passed: 2, exercises: 2, status: 'graded', handedIn: true, notRun: [] });
    expect(rows.ada?.percent).toBe(100);
    expect(rows.di).toMatchObject({ passed: 0, status: 'graded', handedIn: true, notRun: [{ slug: 'favorite-color', status: 'missing-export' }] });
    // An app that stopped partway ran: its checks before the stop count.
    expect(rows.fay).toMatchObject({ passed: 1, handedIn: true, notRun: [] });
    expect(rows.bo).toMatchObject({ status: 'nothing started', handedIn: false });
    expect(rows.ed).toMatchObject({ status: 'empty folder', handedIn: false, score: 0 });
  });

  it('takes the mean and median over the learners who handed something in, the others apart', () => {
    const figures = classFigures(entries);
    const counted = ['ada', 'cy', 'di', 'fay'].map((learner) => (100 * resultOf(learner).score) / resultOf(learner).maxScore);
    expect(figures.handedIn.map((row) => row.learner)).toEqual(['ada', 'cy', 'di', 'fay']);
    expect(figures.apart.map((row) => row.learner)).toEqual(['bo', 'ed']);
    expect(figures.mean).toBeCloseTo(counted.reduce((sum, value) => sum + value, 0) / counted.length, 9);
    const [low, , , high] = [...counted].sort((a, b) => a - b);
    expect(figures.median).toBeGreaterThanOrEqual(low ?? 0);
    expect(figures.median).toBeLessThanOrEqual(high ?? 0);
    expect(figures.fullMarks).toBe(1);
  });

  it('counts a check only for the learners whose exercise ran and who ran it', () => {
    const figures = classFigures(entries);
    const favorite = figures.exercises.find((exercise) => exercise.slug === 'favorite-color');
    // ada, cy and fay ran it; di's missing export and bo's stub did not.
    expect(favorite).toMatchObject({ begun: 4, ran: 3, passed: 2 });
    expect(favorite?.statuses.get('missing-export')).toBe(1);
    for (const check of favorite?.checks ?? []) expect(check.ran).toBe(3);
    const visits = figures.exercises.find((exercise) => exercise.slug === 'visit-counter');
    expect(visits).toMatchObject({ begun: 4, ran: 4 });
    const notRunAfterCrash = exerciseOf('fay', 'visit-counter')?.checks.filter((check) => didNotRun(check.message)).map((check) => check.id) ?? [];
    for (const id of notRunAfterCrash) expect(visits?.checks.find((check) => check.id === id)?.ran).toBe(3);
    // What the missing export failed is not among the most missed: only cy's mistake is.
    for (const check of figures.mostMissed.filter((one) => one.slug === 'favorite-color')) {
      expect(exerciseOf('cy', 'favorite-color')?.checks.find((one) => one.id === check.id)?.passed).toBe(false);
      expect(check.ran).toBe(3);
    }
    const rates = figures.mostMissed.map((check) => check.passed / check.ran);
    expect([...rates].sort((a, b) => a - b)).toEqual(rates);
  });

  it('counts the learners each known mistake was found for', () => {
    const found = classFigures(entries).mistakes.map((mistake) => [`${mistake.slug}/${mistake.id}`, mistake.learners]);
    expect(found).toEqual(expect.arrayContaining([['favorite-color/session-set-method', 1], ['visit-counter/module-counter', 1]]));
  });

  it('says the same in the line a class run ends with', () => {
    const figures = classFigures(entries);
    expect(classSummary(entries)).toBe(
      `Class: mean ${Math.round(figures.mean)}%, median ${Math.round(figures.median)}% over the 4 learners who handed something in; ` +
        '2 learners handed in nothing gradable, counted apart: bo, ed.',
    );
  });
});
