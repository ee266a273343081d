/**
 * The pieces of `npm run new-exercise` on made-up inputs: the manifest entry lands at the end of
 * `manifest.exercises` whatever the array's shape, and a change that fails half-way leaves the
 * folder exactly as it was.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { applyAllOrNothing } from '../../grader/instructor/scaffold/apply.js';
import { ManifestShapeError, withEntryAppended } from '../../grader/instructor/scaffold/manifest-entry.js';
import { namesOf, slugProblem } from '../../grader/instructor/scaffold/names.js';
import { addedCounts, exerciseFiles } from '../../grader/instructor/scaffold/templates.js';
import { gradedSectionProblems } from '../../grader/instructor/soundness/rules.js';
import { snapshot } from '../kit-copy.js';

const entry = (indent: string): string => `${indent}{ slug: 'new-one' },`;

const folders: string[] = [];
function folder(): string {
  const made = mkdtempSync(path.join(tmpdir(), 'apply-'));
  folders.push(made);
  return made;
}
afterAll(() => {
  for (const made of folders) rmSync(made, { recursive: true, force: true });
});

describe('appending to manifest.exercises', () => {
  it('adds after the last entry, with a trailing comma or without, and keeps comments', async () => {
    const withComma = "export const manifest = {\n  formatVersion: 1,\n  exercises: [\n    { slug: 'a' },\n    // the last one\n    { slug: 'b' },\n  ],\n};\n";
    expect(await withEntryAppended(withComma, entry)).toBe(
      "export const manifest = {\n  formatVersion: 1,\n  exercises: [\n    { slug: 'a' },\n    // the last one\n    { slug: 'b' },\n    { slug: 'new-one' },\n  ],\n};\n",
    );
    const withoutComma = "export const manifest: Manifest = {\n  exercises: [\n    { slug: 'a' }\n  ]\n} satisfies Manifest;\n";
    expect(await withEntryAppended(withoutComma, entry)).toBe(
      "export const manifest: Manifest = {\n  exercises: [\n    { slug: 'a' },\n    { slug: 'new-one' },\n  ]\n} satisfies Manifest;\n",
    );
  });

  it('fills an empty list', async () => {
    expect(await withEntryAppended('export const manifest = {\n  exercises: [],\n};\n', entry)).toBe(
      "export const manifest = {\n  exercises: [\n    { slug: 'new-one' },\n  ],\n};\n",
    );
  });

  it('refuses a manifest it cannot find the list in, or an entry that breaks it', async () => {
    await expect(withEntryAppended('export const manifest = loadIt();\n', entry)).rejects.toThrow(ManifestShapeError);
    await expect(withEntryAppended('export const manifest = { exercises: [{}] };\n', () => '  {,')).rejects.toThrow(/could not be added .* cleanly/);
  });
});

describe('names from a slug', () => {
  it('derives the title, the handler names and a session key of its own', () => {
    expect(namesOf('remember-name')).toEqual({ slug: 'remember-name', title: 'Remember name', pascal: 'RememberName', sessionKey: 'rememberNameValue' });
    expect(slugProblem('step-2-login')).toBeNull();
    expect(slugProblem('2-step')).toMatch(/is not a kebab-case slug/);
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
  const files = exerciseFiles(names);
  /** The titles a check file gives its checks, in order, as TypeScript reads the kit's single-quoted literals. */
  const titles = (file: string): string[] =>
    [...(files[file] ?? '').matchAll(/^ {4}title: '((?:[^'\\]|\\.)*)',$/gm)].map((match) => (match[1] ?? '').replace(/\\(.)/g, '$1'));

  it("ends its lesson with the titles its check files give, hidden ones marked, so that the kit check passes at once", () => {
    const checks = [
      ...titles('grader/checks/remember-name/public.ts').map((title) => ({ title, visibility: 'public' as const })),
      ...titles('grader/checks/remember-name/hidden.ts').map((title) => ({ title, visibility: 'hidden' as const })),
    ];
    expect(checks.length).toBeGreaterThan(1);
    expect(gradedSectionProblems('remember-name', checks, files['exercises/remember-name/README.md'] ?? '')).toEqual([]);
  });

  it('adds to the README one exercise, its checks and its known mistakes', () => {
    const counted = addedCounts(names);
    const checkCount = titles('grader/checks/remember-name/public.ts').length + titles('grader/checks/remember-name/hidden.ts').length;
    expect(counted).toMatchObject({ exercises: 1, checks: checkCount, public: titles('grader/checks/remember-name/public.ts').length, variants: 0 });
    expect(counted.mistakes).toBe(Object.keys(files).filter((file) => file.startsWith('grader/mistakes/remember-name/')).length);
    expect(counted.easy + counted.medium + counted.hard).toBe(checkCount);
  });
});
