/** The command line as a learner meets it: exit codes, one-line errors, the report, --json. */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { GradeResult } from '../../grader/engine/results.js';
import { kitRoot, runKit } from '../run-kit.js';

const ansi = new RegExp(String.fromCharCode(27) + "\\[");

describe('npm run grade', () => {
  it('grades the stubs to zero, calls them not started, and prints without colours when piped', () => {
    const run = runKit(['grade', 'favorite-color', '--json']);
    expect(run.status).toBe(0);
    const [exercise] = (JSON.parse(run.stdout) as GradeResult).exercises;
    expect(exercise?.status).toBe('not-started');
    expect(exercise?.score).toBe(0);
    expect(exercise?.checks.every((check) => !check.passed)).toBe(true);
    const report = runKit(['grade', 'favorite-color']);
    expect(report.stdout).toMatch(/^favorite-color · Favorite color {2}0\/\d+ {2}not started$/m);
    expect(report.stdout).toContain('! every handler still answers "Not implemented yet"; replace the TODOs in view.ts');
    expect(report.stdout).toContain(`${exercise?.checks.length} checks, ${exercise?.maxScore} points: the lesson's "What is graded" lists them`);
    expect(report.stdout).not.toContain('✘');
    expect(report.stdout).toMatch(/^Total: 0\/\d+ \(0%\), 0 of 1 exercises passed$/m);
    expect(report.stdout).not.toMatch(ansi);
  });

  it('calls a stub with its first line of work failed, not not-started', () => {
    const copy = mkdtempSync(path.join(tmpdir(), 'learner-'));
    mkdirSync(path.join(copy, 'visit-counter'));
    const stub = readFileSync(path.join(kitRoot, 'exercises', 'visit-counter', 'view.ts'), 'utf8');
    // Comments rewritten and spacing changed is still the stub; one statement more is work begun.
    writeFileSync(path.join(copy, 'visit-counter', 'view.ts'), stub.replace(/\/\/ TODO[^\n]*/g, '// later').replace("res.status(501)", 'res .status( 501 )'));
    expect((JSON.parse(runKit(['grade', 'visit-counter', '--target', copy, '--json', '--no-typecheck']).stdout) as GradeResult).exercises[0]?.status).toBe('not-started');
    writeFileSync(path.join(copy, 'visit-counter', 'view.ts'), stub.replace("res.status(501)", 'req.session.visits = 1;\n  res.status(501)'));
    expect((JSON.parse(runKit(['grade', 'visit-counter', '--target', copy, '--json', '--no-typecheck']).stdout) as GradeResult).exercises[0]?.status).toBe('failed');
  });

  it('says "add export" for a handler declared without it, at its line', () => {
    const copy = mkdtempSync(path.join(tmpdir(), 'learner-'));
    cpSync(path.join(kitRoot, 'solutions', 'visit-counter'), path.join(copy, 'visit-counter'), { recursive: true });
    const file = path.join(copy, 'visit-counter', 'view.ts');
    const solution = readFileSync(file, 'utf8');
    writeFileSync(file, solution.replace('export function countVisit', 'function countVisit'));
    const line = solution.split('\n').findIndex((text) => text.startsWith('export function countVisit')) + 1;
    const run = runKit(['grade', 'visit-counter', '--target', copy, '--no-typecheck']);
    expect(run.stdout).toMatch(/^visit-counter · Visit counter {2}0\/\d+ {2}missing export$/m);
    expect(run.stdout).toContain(`visit-counter/view.ts:${line}:1)\n    fix: add \`export\` before \`function countVisit\` on line ${line} of `);
    expect(run.stdout).not.toContain('hint:');
  });

  it('names the handler an endless loop was stopped in', () => {
    const copy = mkdtempSync(path.join(tmpdir(), 'learner-'));
    mkdirSync(path.join(copy, 'last-page'));
    writeFileSync(
      path.join(copy, 'last-page', 'view.ts'),
      "import type { Request, Response } from 'express';\nexport function visitPage(req: Request, res: Response): void {\n  for (;;) {}\n}\n",
    );
    const run = runKit(['grade', 'last-page', '--target', copy, '--json', '--no-typecheck', '--request-timeout', '0.5']);
    const [exercise] = (JSON.parse(run.stdout) as GradeResult).exercises;
    expect(exercise?.status).toBe('timeout');
    expect(exercise?.message).toMatch(/^the app stopped answering \(GET \/pages\/\S+ got no answer within 0\.5 s; an endless loop in `visitPage`\?\)$/);
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
    [['grade', '--bogus'], /^error: npm run grade has no option --bogus: npm run grade -- --help lists the options$/],
    [['hint', '--all'], /^error: npm run hint has no option --all: npm run hint -- --help lists the options$/],
    [['grade', '--format', 'junit'], /^error: --format is for grading a class: add --submissions <dir> --out <dir> \(npm run grade -- --help lists the class options\)$/],
    [['grade', '--json=yes'], /^error: --json takes no value \(write --json alone\): npm run grade -- --help lists the options$/],
    [['grade', '--target'], /^error: --target needs a value after it \(for example --target <value>; one that starts with "-" as --target=<value>\): npm run grade -- --help lists the options$/],
    [['grade', 'no-such-exercise'], /^error: no exercise "no-such-exercise": the exercises are favorite-color, /],
    [['grade', '--target', 'no/such/folder'], /^error: no folder .*no\/such\/folder: --target takes the folder that holds the exercise folders$/],
    [['grade', '--fail-under', 'lots'], /^error: --fail-under takes a whole number from 0 to 100, not "lots"$/],
    [['grade', '--request-timeout=-1'], /^error: --request-timeout takes a number of seconds above 0, not "-1"$/],
    [['grade', '--request-timeout', '-1'], /^error: --request-timeout needs a value after it \(for example --request-timeout <value>; one that starts with "-" as --request-timeout=<value>\)/],
    [['gradee'], /^error: no command "gradee": the commands are grade, /],
  ])('exits 2 with one line for %j', (args, message) => {
    const run = runKit(args);
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr.trim()).toMatch(message);
    expect(run.stdout).toBe('');
  });

  it('notices options that npm kept for itself (no -- before them) and says where they go', () => {
    // A real npm run: npm hands `--json` on only as npm_config_json=true, and the kit would grade without it.
    const { npm_config_json: _json, ...env } = process.env;
    const run = spawnSync('npm', ['run', 'grade', '--json', '--fail-under=50'], { cwd: kitRoot, env: { ...env, NO_COLOR: '1' }, encoding: 'utf8', timeout: 60_000 });
    expect(run.stderr).toMatch(
      /^warning: npm kept --json --fail-under 50 for itself \(or your environment sets npm_config_json, npm_config_fail_under\), so the kit runs without: options for the kit go after --, as in npm run grade -- --json --fail-under 50$/m,
    );
    // The kit runs without them, as npm left it: a report, not JSON, and no threshold.
    expect(run.stdout).toContain('Total:');
    expect(run.status).toBe(0);
    // npm's own settings, which every npm run puts in the environment, are not the kit's options.
    const quiet = runKit(['list'], { npm_lifecycle_event: 'list', npm_config_cache: '/tmp/npm-cache', npm_config_user_agent: 'npm/11' });
    expect(quiet.status).toBe(0);
  });
});
