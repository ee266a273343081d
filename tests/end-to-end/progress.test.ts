/**
 * The learner's progress file and hints: what survives a damaged file, what is recorded and when,
 * and `npm run list` / `npm run hint` as a learner runs them.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeHint, hintsSeen, takeNextHint } from '../../grader/outputs/hints-shown.js';
import { findExercise, manifest, type ExerciseInfo } from '../../grader/engine/course/manifest.js';
import { emptyProgress, nextExercise, parseProgress, readProgress, recordGrading, updateProgress } from '../../grader/outputs/progress.js';
import type { ExerciseResult } from '../../grader/engine/results.js';
import { loadCourse } from '../../grader/engine/course/course.js';
import { kitRoot, runKit } from '../run-kit.js';

/** visit-counter's points, from its checks: the reports below show them. */
const max = (await loadCourse(['visit-counter']))[0]?.checks.reduce((sum, check) => sum + check.points, 0);

function freshFile(): string {
  return path.join(mkdtempSync(path.join(tmpdir(), 'progress-')), 'state', 'progress.json');
}

function result(slug: string, status: ExerciseResult['status'], score: number, maxScore = 10): ExerciseResult {
  return { slug, title: slug, status, score, maxScore, message: null, location: null, fix: null, hiddenChecksIncluded: true, output: '', warnings: [], mistakes: [], checks: [], durationMs: 1 };
}

const kitExercises = path.join(kitRoot, 'exercises');
const exercise = (slug: string): ExerciseInfo => findExercise(slug) as ExerciseInfo;

describe('the progress file', () => {
  it.each([
    ['not JSON at all', '{"version": 1, "grades": {'],
    ['an empty file', ''],
    ['another version', JSON.stringify({ version: 99, grades: { 'visit-counter': { status: 'passed', score: 1, maxScore: 1, gradedAt: 'x' } } })],
    ['a list', '[1, 2, 3]'],
    ['null', 'null'],
  ])('reads %s as no progress', (_name, text) => {
    expect(parseProgress(text)).toEqual(emptyProgress());
  });

  it('keeps the well-formed entries of a partly damaged file and drops the rest', () => {
    const text = JSON.stringify({
      version: 1,
      grades: {
        'visit-counter': { status: 'passed', score: 10, maxScore: 10, gradedAt: '2024-01-01T00:00:00.000Z' },
        'favorite-color': { status: 'exploded', score: 1, maxScore: 1, gradedAt: 'x' },
        theme: { status: 'failed', score: -1, maxScore: 3, gradedAt: 'x' },
      },
      hintsShown: { 'visit-counter': 2, theme: 'two', logout: 1.5 },
    });
    expect(parseProgress(text)).toEqual({
      version: 1,
      grades: { 'visit-counter': { status: 'passed', score: 10, maxScore: 10, gradedAt: '2024-01-01T00:00:00.000Z' } },
      hintsShown: { 'visit-counter': 2 },
    });
  });

  it('treats a missing or corrupt file as empty, and replaces a corrupt one on the next write', () => {
    const file = freshFile();
    expect(readProgress(file)).toEqual(emptyProgress());
    updateProgress(() => undefined, file);
    writeFileSync(file, '\u0000\u0001 not json');
    expect(readProgress(file)).toEqual(emptyProgress());
    updateProgress((progress) => {
      progress.hintsShown.theme = 1;
    }, file);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ version: 1, grades: {}, hintsShown: { theme: 1 } });
    // Written through a staging file renamed into place: nothing is left beside it.
    expect(readdirSync(path.dirname(file))).toEqual(['progress.json']);
  });

  it("records gradings of the kit's own exercises folder only", () => {
    const file = freshFile();
    expect(recordGrading(path.join(kitRoot, 'solutions'), [result('visit-counter', 'passed', 10)], file)).toBe(false);
    expect(existsSync(file)).toBe(false);
    expect(recordGrading(kitExercises, [result('favorite-color', 'passed', 14, 14), result('visit-counter', 'failed', 3)], file)).toBe(true);
    const progress = readProgress(file);
    expect(progress.grades['visit-counter']).toMatchObject({ status: 'failed', score: 3, maxScore: 10 });
    expect(Date.parse(progress.grades['visit-counter']?.gradedAt ?? '')).not.toBeNaN();
    expect(nextExercise(progress)?.slug).toBe('visit-counter');
  });

  it('names the first exercise in manifest order that has not passed, and none when all have', () => {
    const progress = emptyProgress();
    expect(nextExercise(progress)?.slug).toBe(manifest.exercises[0]?.slug);
    for (const info of manifest.exercises) progress.grades[info.slug] = { status: 'passed', score: 1, maxScore: 1, gradedAt: 'x' };
    expect(nextExercise(progress)).toBeUndefined();
    progress.grades['theme'] = { status: 'timeout', score: 0, maxScore: 1, gradedAt: 'x' };
    expect(nextExercise(progress)?.slug).toBe('theme');
  });
});

describe('hints', () => {
  it('shows the hints in order, a nudge first, then says there are no more', () => {
    const file = freshFile();
    const counter = exercise('visit-counter');
    const shown = [1, 2, 3, 4].map(() => takeNextHint(counter, file));
    expect(shown.map((hint) => [hint.number, hint.noMore])).toEqual([[1, false], [2, false], [3, false], [3, true]]);
    expect(shown.map((hint) => hint.text)).toEqual([...counter.hints, counter.hints[2]]);
    expect(describeHint('visit-counter', shown[0]!)).toBe(`Hint 1 of 3 for visit-counter: ${counter.hints[0]}`);
    expect(describeHint('visit-counter', shown[3]!)).toMatch(/^No more hints for visit-counter: you have seen all 3\./);
    expect(hintsSeen(counter, readProgress(file))).toBe(3);
    // Each exercise counts its own.
    expect(takeNextHint(exercise('theme'), file).number).toBe(1);
  });

  it('starts again from the first hint when the progress file was damaged', () => {
    const file = freshFile();
    takeNextHint(exercise('theme'), file);
    writeFileSync(file, 'garbage');
    expect(takeNextHint(exercise('theme'), file).number).toBe(1);
  });
});

describe('npm run list and npm run hint', () => {
  it('lists every exercise with its last grading, and the next one', () => {
    const file = freshFile();
    const env = { KIT_PROGRESS_FILE: file };
    expect(runKit(['grade', 'visit-counter', '--no-typecheck'], env).status).toBe(0);
    // Grading another folder says nothing about the learner's progress.
    expect(runKit(['grade', 'favorite-color', '--target', 'solutions', '--no-typecheck'], env).status).toBe(0);
    const list = runKit(['list'], env);
    expect(list.status).toBe(0);
    const slugs = [...list.stdout.matchAll(/^ [ →] ?\d+ {2}(\S+)/gm)].map((match) => match[1]);
    expect(slugs).toEqual(manifest.exercises.map((info) => info.slug));
    expect(list.stdout).toMatch(/→ 1 {2}favorite-color +easy +not graded +- +0\/3/);
    // The kit's stub, untouched: not started, rather than failed.
    expect(list.stdout).toMatch(new RegExp(String.raw` {3}2 {2}visit-counter +easy +not-started +0\/${max} +0\/3`));
    expect(list.stdout).toContain(`0 of ${manifest.exercises.length} exercises passed. Next: ${manifest.exercises[0]?.slug}`);
  });

  it('survives a corrupt progress file', () => {
    const file = freshFile();
    expect(runKit(['hint', 'theme'], { KIT_PROGRESS_FILE: file }).status).toBe(0);
    writeFileSync(file, '{"version": 1, "grades": [oops');
    const list = runKit(['list'], { KIT_PROGRESS_FILE: file });
    expect(list.status).toBe(0);
    expect(list.stderr).toBe('');
    expect(list.stdout).toMatch(/→ 1 {2}favorite-color +easy +not graded/);
  });

  it('shows one more hint each time, remembers it, and says when there are no more', () => {
    const env = { KIT_PROGRESS_FILE: freshFile() };
    const hints = exercise('theme').hints;
    const outputs = [1, 2, 3, 4].map(() => runKit(['hint', 'theme'], env));
    expect(outputs.map((run) => run.status)).toEqual([0, 0, 0, 0]);
    expect(outputs[0]?.stdout.trim()).toBe(`Hint 1 of 3 for theme: ${hints[0]}`);
    expect(outputs[2]?.stdout.trim()).toBe(`Hint 3 of 3 for theme: ${hints[2]}`);
    expect(outputs[3]?.stdout).toMatch(/^No more hints for theme: you have seen all 3\./);
    expect(runKit(['list'], env).stdout).toMatch(/ {3}5 {2}theme +medium +not graded +- +3\/3/);
    // Without a slug: the next exercise to do.
    expect(runKit(['hint'], env).stdout.trim()).toBe(`Hint 1 of 3 for favorite-color: ${exercise('favorite-color').hints[0]}`);
  });

  it.each([
    [['hint', 'no-such-exercise'], /^error: no exercise "no-such-exercise": the exercises are favorite-color, /],
    [['hint', 'theme', 'logout'], /^error: one exercise at a time \(got theme, logout\)/],
    [['list', 'theme'], /^error: npm run list takes no exercise/],
  ])('exits 2 with one line for %j', (args, message) => {
    const run = runKit(args, { KIT_PROGRESS_FILE: freshFile() });
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr.trim()).toMatch(message);
  });
});
