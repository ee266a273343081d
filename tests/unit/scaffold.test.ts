/**
 * The pieces of `npm run new-exercise` on made-up inputs: the slug lands at the end of the course's
 * list with the list's formatting kept, a bad slug is refused, a change that fails half-way leaves
 * the folder exactly as it was, and the example's files agree with each other.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { applyAllOrNothing } from '../../grader/instructor/scaffold/apply.js';
import { CourseError } from '../../grader/engine/course/manifest.js';
import { withSlugAppended } from '../../grader/instructor/scaffold/course-list.js';
import { namesOf, slugMaxLength, slugProblem } from '../../grader/instructor/scaffold/names.js';
import { exerciseFiles } from '../../grader/instructor/scaffold/templates.js';
import { gradedSectionProblems } from '../../grader/instructor/soundness/rules.js';
import { stubProblems } from '../../grader/instructor/soundness/soundness.js';
import type { ExerciseInfo } from '../../grader/engine/course/manifest.js';
import { snapshot } from '../kit-copy.js';

const list = 'exercises/course.json';

const folders: string[] = [];
function folder(): string {
  const made = mkdtempSync(path.join(tmpdir(), 'apply-'));
  folders.push(made);
  return made;
}
afterAll(() => {
  for (const made of folders) rmSync(made, { recursive: true, force: true });
});

describe("appending to the course's list", () => {
  it('adds one line after the last slug, indented as the others, and keeps the rest of the text', () => {
    const twoSpaces = '{\n  "exercises": [\n    "a",\n    "b"\n  ]\n}\n';
    expect(withSlugAppended(twoSpaces, 'new-one', list)).toBe('{\n  "exercises": [\n    "a",\n    "b",\n    "new-one"\n  ]\n}\n');
    const tabsAndMore = '{\n\t"title": "Sessions",\n\t"exercises": [\n\t\t"a"\n\t],\n\t"note": "[draft]"\n}';
    expect(withSlugAppended(tabsAndMore, 'new-one', list)).toBe('{\n\t"title": "Sessions",\n\t"exercises": [\n\t\t"a",\n\t\t"new-one"\n\t],\n\t"note": "[draft]"\n}');
  });

  it('fills an empty list', () => {
    expect(withSlugAppended('{\n  "exercises": []\n}\n', 'new-one', list)).toBe('{\n  "exercises": [\n    "new-one"\n  ]\n}\n');
  });

  it('refuses a list it cannot read, naming the file and what to write', () => {
    expect(() => withSlugAppended('{ "exercises": [ "a", ] }', 'new-one', list)).toThrow(new RegExp(`^${list} is not valid JSON .*: fix it, then run again$`));
    expect(() => withSlugAppended('{ "lessons": ["a"] }', 'new-one', list)).toThrow(CourseError);
    expect(() => withSlugAppended('{ "exercises": ["a", 2] }', 'new-one', list)).toThrow(`${list} needs { "exercises": [ "<slug>", ... ] }`);
  });

  it('refuses a list whose "exercises" it would not change cleanly', () => {
    // The first "exercises" in the text is a value, not the list: appending there would change nothing the course reads.
    const decoy = '{ "title": "exercises", "about": { "exercises": ["x"] }, "exercises": ["a"] }';
    expect(() => withSlugAppended(decoy, 'new-one', list)).toThrow(/could not be appended .* cleanly/);
  });
});

describe('names from a slug', () => {
  it('derives the title, the handler names and a session key of its own', () => {
    expect(namesOf('remember-name')).toEqual({ slug: 'remember-name', title: 'Remember name', pascal: 'RememberName', sessionKey: 'rememberNameValue' });
    expect(slugProblem('step-2-login')).toBeNull();
    expect(slugProblem('2-step')).toMatch(/is not a kebab-case slug/);
  });

  it('refuses in one line a slug no folder can have on every system, or one too long to name paths', () => {
    for (const reserved of ['con', 'prn', 'aux', 'nul', 'com1', 'lpt9']) expect(slugProblem(reserved)).toMatch(/^".*" is a name Windows reserves for a device/);
    expect(slugProblem('console')).toBeNull();
    expect(slugProblem('a'.repeat(slugMaxLength))).toBeNull();
    const long = slugProblem('a'.repeat(300)) ?? '';
    expect(long).toBe(`"${'a'.repeat(slugMaxLength)}…" is 300 characters long: a slug has at most ${slugMaxLength}`);
    expect(slugProblem('Remember-Name')).toMatch(/^"Remember-Name" is not a kebab-case slug: /);
    for (const problem of [long, slugProblem('con'), slugProblem('Remember-Name')]) expect(problem).not.toContain('\n');
  });
});

describe('writing all or nothing', () => {
  it('moves new folders into place and replaces rewritten files', () => {
    const root = folder();
    writeFileSync(path.join(root, 'list.txt'), 'old');
    applyAllOrNothing(root, path.join(root, '.state'), { created: { 'a/b/one.txt': '1', 'a/b/two.txt': '2', 'c/three.txt': '3' }, rewritten: { 'list.txt': 'new' } });
    expect(readFileSync(path.join(root, 'a', 'b', 'two.txt'), 'utf8')).toBe('2');
    expect(readFileSync(path.join(root, 'c', 'three.txt'), 'utf8')).toBe('3');
    expect(readFileSync(path.join(root, 'list.txt'), 'utf8')).toBe('new');
  });

  it('undoes the moves already made when a later one fails, and leaves no staging behind', () => {
    const root = folder();
    writeFileSync(path.join(root, 'list.txt'), 'old');
    mkdirSync(path.join(root, 'taken-by-a-folder'));
    writeFileSync(path.join(root, 'taken-by-a-folder', 'keep.txt'), 'mine');
    mkdirSync(path.join(root, '.state'));
    const before = snapshot(root);
    // Replacing a folder with a file fails, after the new folders and list.txt were moved.
    const changes = { created: { 'exercises/new/view.ts': 'x', 'solutions/new/view.ts': 'y' }, rewritten: { 'list.txt': 'new', 'taken-by-a-folder': 'z' } };
    expect(() => applyAllOrNothing(root, path.join(root, '.state'), changes)).toThrow(/EISDIR|EEXIST|ENOTDIR|EPERM/);
    expect(snapshot(root)).toEqual(before);
  });

  it('refuses a file that exists already before writing anything', () => {
    const root = folder();
    mkdirSync(path.join(root, 'exercises', 'new'), { recursive: true });
    writeFileSync(path.join(root, 'exercises', 'new', 'view.ts'), 'mine');
    const before = snapshot(root);
    expect(() => applyAllOrNothing(root, path.join(root, '.state'), { created: { 'exercises/new/view.ts': 'x' }, rewritten: {} })).toThrow('exercises/new/view.ts exists already');
    expect(snapshot(root)).toEqual(before);
  });
});

describe('the example exercise', () => {
  const names = namesOf('remember-name');
  const files = exerciseFiles(names, 'medium');
  /** The titles a check file gives its checks, in order, as TypeScript reads the kit's single-quoted literals. */
  const titles = (file: string): string[] =>
    [...(files[file] ?? '').matchAll(/^ {4}title: '((?:[^'\\]|\\.)*)',$/gm)].map((match) => (match[1] ?? '').replace(/\\(.)/g, '$1'));

  it('is two folders: what a learner gets and what the instructor keeps', () => {
    for (const file of Object.keys(files)) expect(file).toMatch(/^(exercises|solutions)\/remember-name\//);
    expect(files['exercises/remember-name/.stub/view.ts']).toBe(files['exercises/remember-name/view.ts']);
  });

  it("ends its lesson with the titles its check files give, hidden ones marked, so that the kit check passes at once", () => {
    const checks = [
      ...titles('exercises/remember-name/checks.ts').map((title) => ({ title, visibility: 'public' as const })),
      ...titles('solutions/remember-name/checks.ts').map((title) => ({ title, visibility: 'hidden' as const })),
    ];
    expect(checks.length).toBeGreaterThan(1);
    expect(gradedSectionProblems('remember-name', checks, files['exercises/remember-name/README.md'] ?? '')).toEqual([]);
  });

  it('has an entry in JSON whose handlers the stub exports, at the level it is given', () => {
    const entry = JSON.parse(files['exercises/remember-name/exercise.json'] ?? '') as Omit<ExerciseInfo, 'slug'>;
    expect(entry.level).toBe('medium');
    expect(entry.title).toBe(names.title);
    const info: ExerciseInfo = { slug: names.slug, ...entry };
    expect(info.routes.map((route) => route.handler)).toEqual(['view:saveRememberName', 'view:showRememberName']);
    expect(stubProblems(info, files['exercises/remember-name/.stub/view.ts'] ?? '')).toEqual([]);
  });
});
