/** The command line as a learner meets it: exit codes, one-line errors, the report, --json. */
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { GradeResult } from '../grader/results.js';
import { kitRoot, runKit } from './run-kit.js';

const ansi = new RegExp(String.fromCharCode(27) + "\\[");

describe('npm run grade', () => {
  it('grades the stubs to zero and prints the table without colours when piped', () => {
    const run = runKit(['grade', 'favorite-color']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^favorite-color · Favorite color {2}0\/\d+ {2}failed$/m);
    expect(run.stdout).toContain('not started yet');
    expect(run.stdout).toMatch(/✘ easy {3}1 pt {2}Shows "unknown" before any color is saved/);
    expect(run.stdout).toMatch(/^Total: 0\/\d+ \(0%\), 0 of 1 exercises passed$/m);
    expect(run.stdout).not.toMatch(ansi);
  });

  it('uses colours when asked to', () => {
    expect(runKit(['grade', 'visit-counter'], { FORCE_COLOR: '1' }).stdout).toMatch(ansi);
  });

  it('prints a versioned result document with --json, for a copy anywhere on disk', () => {
    const copy = mkdtempSync(path.join(tmpdir(), 'learner-'));
    cpSync(path.join(kitRoot, 'solutions'), copy, { recursive: true });
    const run = runKit(['grade', 'favorite-color', 'delete-key', '--target', copy, '--json']);
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout) as GradeResult;
    expect(result.schemaVersion).toBe(1);
    expect(result.exercises.map((exercise) => [exercise.slug, exercise.status])).toEqual([
      ['favorite-color', 'passed'],
      ['delete-key', 'passed'],
    ]);
    expect(result.score).toBe(result.maxScore);
    expect(result.score).toBe(result.exercises.reduce((sum, exercise) => sum + exercise.maxScore, 0));
    const check = result.exercises[0]?.checks[0];
    // Type-checked from outside the kit too: the solutions have no type errors.
    expect(result.exercises.flatMap((exercise) => exercise.warnings)).toEqual([]);
    expect(Object.keys(check ?? {}).sort()).toEqual(['details', 'durationMs', 'hint', 'id', 'level', 'message', 'passed', 'points', 'title', 'visibility']);
  });

  it('shows the request, expected and actual for a failed public check', () => {
    const run = runKit(['grade', 'visit-counter', '--target', 'tests/fake-course/broken-kit-exercises']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('GET /visits answered 200 "You have visited this page 0 times.", expected 200 "You have visited this page 1 times."');
    expect(run.stdout).toContain('│ visitor 1: GET /visits (no cookie) → 200 "You have visited this page 0 times."');
    expect(run.stdout).toContain('expected: 200 "You have visited this page 1 times."');
    // The failures are those of a known mistake: the report names it, with its own hint.
    expect(run.stdout).toContain('This looks like: the count shown is the one before this visit');
    expect(run.stdout).toContain('hint: Count this visit first, then answer with the new count');
  });

  it('exits 1 below --fail-under and 0 at or above it', () => {
    expect(runKit(['grade', 'favorite-color', '--fail-under', '50']).status).toBe(1);
    expect(runKit(['grade', 'favorite-color', '--target', 'solutions', '--fail-under', '100']).status).toBe(0);
  });

  it('grades with a heap of its own, ending the host started early with the default heap', () => {
    const run = runKit(['grade', 'favorite-color', '--target', 'solutions', '--heap-mb', '128']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Total: (\d+)\/\1 \(100%\)/);
  });

  it('lists every command as npm runs it with npm run help', () => {
    const run = runKit(['help']);
    expect(run.status).toBe(0);
    const scripts = (JSON.parse(readFileSync(path.join(kitRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    const listed = [...run.stdout.matchAll(/^ {2}npm run (\S+) /gm)].map((match) => match[1]);
    expect(listed).toContain('grade');
    expect(listed).toContain('package:gradescope');
    for (const script of listed) expect(Object.keys(scripts)).toContain(script);
  });

  it.each([
    [['grade', '--bogus'], /^error: Unknown option '--bogus'/],
    [['grade', 'no-such-exercise'], /^error: no exercise "no-such-exercise": the exercises are favorite-color, /],
    [['grade', '--target', 'no/such/folder'], /^error: no folder .*no\/such\/folder: --target takes the folder that holds the exercise folders$/],
    [['grade', '--fail-under', 'lots'], /^error: --fail-under takes a whole number from 0 to 100, not "lots"$/],
    [['grade', '--request-timeout=-1'], /^error: --request-timeout takes a number of seconds above 0, not "-1"$/],
    [['grade', '--request-timeout', '-1'], /^error: Option '--request-timeout' argument is ambiguous\. Did you forget/],
    [['gradee'], /^error: no command "gradee": the commands are grade, /],
  ])('exits 2 with one line for %j', (args, message) => {
    const run = runKit(args);
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr.trim()).toMatch(message);
    expect(run.stdout).toBe('');
  });
});
