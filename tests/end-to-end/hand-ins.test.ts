/**
 * A class of hand-ins as they really arrive, graded in one run on one exercise: a zip per learner
 * graded as the same folder, a zip with `../` and a zip bomb refused with their reasons and nothing
 * written outside the run's own folder, near misses graded or named, and two copies in one hand-in
 * with the worked one graded and the feedback saying so. A zip changed since the last run is
 * graded again by --resume.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { GradeResult } from '../../grader/engine/results.js';
import { createZip } from '../../grader/instructor/class/zip.js';
import { parseCsv } from '../class-fixture.js';
import { kitRoot, runKit, type KitRun } from '../run-kit.js';

const slug = 'favorite-color';
const solution = readFileSync(path.join(kitRoot, 'solutions', slug, 'view.ts'));
const stub = readFileSync(path.join(kitRoot, 'exercises', slug, '.stub', 'view.ts'));

let root: string;
let submissions: string;
let out: string;
let run: KitRun;

/** Every path and size under `dir`. */
function snapshot(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort().map((name) => `${name}:${statSync(path.join(dir, name)).size}`);
}

function write(file: string, data: Buffer | string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, data);
}

const result = (id: string): GradeResult => JSON.parse(readFileSync(path.join(out, 'results', `${id}.json`), 'utf8')) as GradeResult;
const feedback = (id: string): string => readFileSync(path.join(out, 'feedback', `${id}.md`), 'utf8');

function row(id: string): Record<string, string> {
  const [header, ...rows] = parseCsv(readFileSync(path.join(out, 'gradebook.csv'), 'utf8'));
  const found = rows.find((cells) => cells[0] === id);
  if (!found) throw new Error(`no row for ${id}`);
  return Object.fromEntries(header!.map((name, index) => [name, found[index] ?? '']));
}

beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'hand-ins-'));
  submissions = path.join(root, 'class');
  out = path.join(root, 'out');
  write(path.join(submissions, 'ada', slug, 'view.ts'), solution);
  cpSync(path.join(submissions, 'ada'), path.join(submissions, 'bob-as-folder'), { recursive: true });
  writeFileSync(path.join(submissions, 'bob.zip'), createZip([{ name: `session-kit-main/exercises/${slug}/view.ts`, data: solution, mode: 0o644 }]));
  writeFileSync(path.join(submissions, 'cal.zip'), createZip([
    { name: `${slug}/view.ts`, data: solution, mode: 0o644 },
    { name: '../../escaped.ts', data: Buffer.from('pwned'), mode: 0o644 },
  ]));
  writeFileSync(path.join(submissions, 'dot.zip'), createZip([{ name: `${slug}/view.ts`, data: Buffer.alloc(48 * 1024 * 1024), mode: 0o644 }]));
  write(path.join(submissions, 'eli', 'Favorite-Color', 'view.ts'), solution);
  write(path.join(submissions, 'fox', slug, 'view.js'), solution);
  write(path.join(submissions, 'gil', 'session-kit', 'exercises', slug, 'view.ts'), stub);
  write(path.join(submissions, 'gil', 'session-kit (1)', 'exercises', slug, 'view.ts'), solution);
  const before = snapshot(submissions);
  const around = readdirSync(root);
  run = runKit(['grade', slug, '--submissions', submissions, '--out', out, '--format', 'gradescope']);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  // The class's folder is as it was, and nothing was written beside it but the run's own folder.
  expect(snapshot(submissions)).toEqual(before);
  expect(readdirSync(root).sort()).toEqual([...around, 'out'].sort());
}, 240_000);

describe('a class of hand-ins as they arrive', () => {
  it('ends with a line that names what it wrote and the folder once', () => {
    expect(run.stdout).toMatch(new RegExp(`^Wrote gradebook\\.csv, report\\.html, results/, feedback/, gradescope/ and unpacked/ \\(the zips handed in\\) in ${out.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.$`, 'm'));
  });

  it('grades a zip as the same folder', () => {
    const verdicts = (id: string) => result(id).exercises.map((exercise) => [exercise.slug, exercise.status, exercise.score, exercise.checks.map((check) => check.passed)]);
    expect(result('bob').score).toBe(result('bob').maxScore);
    expect(verdicts('bob')).toEqual(verdicts('bob-as-folder'));
    expect(row('bob')).toMatchObject({ 'hand-in': 'graded', total: row('bob-as-folder').total });
    expect(feedback('bob')).toContain('Your exercises were found in `session-kit-main/exercises/` inside the folder you handed in.');
  });

  it('refuses a zip with ../ with its reason, and writes nothing outside', () => {
    expect(row('cal')).toMatchObject({ 'hand-in': 'zip-refused', total: '0' });
    expect(feedback('cal')).toContain('Your submission could not be graded: cal.zip: an entry leads outside the folder (../../escaped.ts): zip the folder again.');
    expect(readdirSync(root).filter((name) => name.includes('escaped'))).toEqual([]);
    expect(readdirSync(path.dirname(root)).filter((name) => name === 'escaped.ts')).toEqual([]);
  });

  it('refuses a zip bomb', () => {
    expect(row('dot')).toMatchObject({ 'hand-in': 'zip-refused', total: '0' });
    expect(feedback('dot')).toMatch(/could not be graded: dot\.zip: favorite-color\/view\.ts would inflate \d+ times over \(a zip bomb\?\): hand in the exercise folders only\./);
  });

  it('grades a folder named like the exercise under its name, and names a view.js', () => {
    expect(row('eli')).toMatchObject({ 'hand-in': 'graded', total: row('ada').total });
    expect(feedback('eli')).toContain('How your hand-in was read: Favorite-Color/ was graded as favorite-color/: name it so.');
    // Gradescope shows the learner the same, above the tests.
    const gradescope = JSON.parse(readFileSync(path.join(out, 'gradescope', 'eli', 'results.json'), 'utf8')) as { output: string };
    expect(gradescope.output).toMatch(/^How your submission was read: Favorite-Color\/ was graded as favorite-color\/: name it so/);
    expect(row('fox')).toMatchObject({ 'hand-in': 'no-exercises', total: '0' });
    expect(feedback('fox')).toContain('did you mean: favorite-color/view.js: grading reads favorite-color/view.ts (TypeScript, that name)?');
  });

  it('grades the worked copy of two, and the feedback says which and why', () => {
    expect(row('gil')).toMatchObject({ 'hand-in': 'graded', total: row('ada').total });
    expect(feedback('gil')).toContain('How your hand-in was read: graded session-kit (1)/: 1 exercise started there, 0 in session-kit/; hand in one copy only.');
  });

  it('grades a zip again on --resume when its content changed, and keeps the others', () => {
    writeFileSync(path.join(submissions, 'bob.zip'), createZip([{ name: `session-kit-main/exercises/${slug}/view.ts`, data: stub, mode: 0o644 }]));
    const again = runKit(['grade', slug, '--submissions', submissions, '--out', out, '--resume']);
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/^Graded 8 learners \(7 kept from an earlier run, 3 not gradable\)/m);
    expect(row('bob')).toMatchObject({ total: '0', [`${slug} status`]: 'not-started' });
  }, 120_000);

  it("unpacks in a shard only the shard's own zips", () => {
    const shardClass = path.join(root, 'shard-class');
    for (const id of ['ann', 'ben', 'cat']) write(path.join(shardClass, `${id}.zip`), createZip([{ name: `${slug}/view.ts`, data: stub, mode: 0o644 }]));
    const shardOut = path.join(root, 'shard-out');
    const shard = runKit(['grade', slug, '--submissions', shardClass, '--out', shardOut, '--shard', '1/2']);
    expect(shard.status, shard.stderr).toBe(0);
    // The first of every two learners by id: ann and cat; ben's zip is the other shard's to unpack.
    expect(readdirSync(path.join(shardOut, 'results')).sort()).toEqual(['ann.json', 'cat.json']);
    expect(readdirSync(path.join(shardOut, 'unpacked')).sort()).toEqual(['ann', 'cat']);
  }, 120_000);
});
