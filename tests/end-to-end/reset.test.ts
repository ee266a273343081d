/**
 * `npm run reset` in a copy of the kit that is not a git repository (as a learner's copy or a
 * downloaded zip is): the stub comes from `exercises/<slug>/.stub/view.ts`, whatever the working view.ts holds; every
 * earlier version is kept in a backup of its own; refusals are one line and change nothing.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyKit, runIn } from '../kit-copy.js';
import { kitRoot, runKit } from '../run-kit.js';

const solved = readFileSync(path.join(kitRoot, 'solutions', 'visit-counter', 'view.ts'), 'utf8');
const stubOf = (root: string, slug: string): string => readFileSync(path.join(root, 'exercises', slug, '.stub', 'view.ts'), 'utf8');

describe('npm run reset, without git', () => {
  let kit: string;
  const view = (slug: string): string => path.join(kit, 'exercises', slug, 'view.ts');
  beforeAll(() => {
    kit = copyKit();
  });
  afterAll(() => {
    rmSync(path.dirname(kit), { recursive: true, force: true });
  });

  it('puts the stub back over a solution and keeps every earlier version in a backup of its own', () => {
    expect(existsSync(path.join(kit, '.git'))).toBe(false);
    writeFileSync(view('visit-counter'), solved);

    const first = runIn(kit, ['reset', 'visit-counter']);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toBe('Restored exercises/visit-counter/view.ts to its stub.\nYour version is kept in exercises/visit-counter/view.ts.bak.\n');
    expect(readFileSync(view('visit-counter'), 'utf8')).toBe(stubOf(kit, 'visit-counter'));
    expect(readFileSync(`${view('visit-counter')}.bak`, 'utf8')).toBe(solved);

    // A second reset keeps the first backup as it was.
    writeFileSync(view('visit-counter'), '// second attempt\n');
    expect(runIn(kit, ['reset', 'visit-counter']).stdout).toContain('Your version is kept in exercises/visit-counter/view.ts.bak.2.');
    expect(readFileSync(`${view('visit-counter')}.bak`, 'utf8')).toBe(solved);
    expect(readFileSync(`${view('visit-counter')}.bak.2`, 'utf8')).toBe('// second attempt\n');

    const again = runIn(kit, ['reset', 'visit-counter']);
    expect([again.status, again.stdout]).toEqual([0, 'exercises/visit-counter/view.ts is already the stub: nothing to reset.\n']);
    expect(readdirSync(path.dirname(view('visit-counter'))).sort()).toEqual(['.stub', 'README.md', 'checks.ts', 'exercise.json', 'view.ts', 'view.ts.bak', 'view.ts.bak.2']);
  });

  it("takes the kit's stub even when exercises/ holds another stub-like file, and puts back a deleted view.ts", () => {
    writeFileSync(view('theme'), stubOf(kit, 'theme').replace('// TODO:', '// TODO (my notes):'));
    expect(runIn(kit, ['reset', 'theme']).status).toBe(0);
    expect(readFileSync(view('theme'), 'utf8')).toBe(stubOf(kit, 'theme'));

    rmSync(view('last-page'));
    const run = runIn(kit, ['reset', 'last-page']);
    expect([run.status, run.stdout]).toEqual([0, 'Restored exercises/last-page/view.ts to its stub.\nThere was no view.ts to keep.\n']);
    expect(readFileSync(view('last-page'), 'utf8')).toBe(stubOf(kit, 'last-page'));
  });

  it('resets in another folder of exercise folders with --target', () => {
    const target = mkdtempSync(path.join(tmpdir(), 'reset-target-'));
    mkdirSync(path.join(target, 'visit-counter'));
    writeFileSync(path.join(target, 'visit-counter', 'view.ts'), solved);
    const run = runKit(['reset', 'visit-counter', '--target', target]);
    expect(run.status).toBe(0);
    expect(readFileSync(path.join(target, 'visit-counter', 'view.ts'), 'utf8')).toBe(stubOf(kitRoot, 'visit-counter'));
    expect(readFileSync(path.join(target, 'visit-counter', 'view.ts.bak'), 'utf8')).toBe(solved);
    rmSync(target, { recursive: true });
  });

  it('says in one line why it cannot, and changes nothing', () => {
    // Something in view.ts's place that a copy would not keep whole.
    rmSync(view('favorite-color'));
    mkdirSync(view('favorite-color'));
    writeFileSync(path.join(view('favorite-color'), 'notes.txt'), 'mine');
    const folder = runIn(kit, ['reset', 'favorite-color']);
    expect([folder.status, folder.stderr]).toEqual([
      1,
      'error: cannot reset favorite-color: exercises/favorite-color/view.ts is not a plain file: move it out of the way, then reset again; nothing was changed\n',
    ]);
    expect(readdirSync(view('favorite-color'))).toEqual(['notes.txt']);
    expect(existsSync(`${view('favorite-color')}.bak`)).toBe(false);

    writeFileSync(view('shopping-cart'), '// my cart\n');
    rmSync(path.join(kit, 'exercises', 'shopping-cart', '.stub', 'view.ts'));
    const noStub = runIn(kit, ['reset', 'shopping-cart']);
    expect([noStub.status, noStub.stderr]).toEqual([
      1,
      'error: cannot reset shopping-cart: the kit has no stub for shopping-cart (exercises/shopping-cart/.stub/view.ts is missing); nothing was changed\n',
    ]);
    expect(readdirSync(path.dirname(view('shopping-cart'))).sort()).toEqual(['.stub', 'README.md', 'checks.ts', 'exercise.json', 'view.ts']);
    expect(readFileSync(view('shopping-cart'), 'utf8')).toBe('// my cart\n');
  });

  it.each([
    [['reset'], /^error: name the exercise to reset: npm run reset -- <slug>$/],
    [['reset', 'nope'], /^error: no exercise "nope": the exercises are favorite-color, /],
    [['reset', 'theme', '--target', 'no/such/folder'], /^error: no folder .*no\/such\/folder: --target takes the folder that holds the exercise folders$/],
  ])('exits 2 with one line for %j', (args, message) => {
    const run = runKit(args);
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toMatch(message);
    expect(run.stdout).toBe('');
  });
});
