/**
 * The isolation level as users meet it: the best one by default, recorded in the result document
 * and the class report; `--isolation` demands one, with one line naming what to install when the
 * machine lacks it; a class refuses Node's permission model alone unless asked for it.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { GradeResult } from '../grader/results.js';
import { isolationSupport } from '../grader/sandbox/isolation.js';
import { kitRoot, runKit } from './run-kit.js';

const setpriv = '/usr/bin/setpriv';

/** A class of one learner, whose work is the favorite-color solution, readable and writable by anyone. */
function oneLearnerClass(): { submissions: string; out: string } {
  const root = mkdtempSync(path.join(tmpdir(), 'isolation-class-'));
  const submissions = path.join(root, 'submissions');
  mkdirSync(path.join(submissions, 'ana'), { recursive: true });
  cpSync(path.join(kitRoot, 'solutions', 'favorite-color'), path.join(submissions, 'ana', 'favorite-color'), { recursive: true });
  spawnSync('chmod', ['-R', 'a+rwX', root]);
  chmodSync(root, 0o777);
  return { submissions, out: path.join(root, 'out') };
}

describe('--isolation', () => {
  it('takes only the names of the levels', () => {
    const run = runKit(['grade', 'favorite-color', '--isolation', 'docker']);
    expect([run.status, run.stderr.trim()]).toEqual([2, 'error: --isolation takes bwrap, uid, permission-model (got "docker")']);
  });

  it('says in one line what to install when the machine lacks the level asked for', () => {
    const run = runKit(['grade', 'favorite-color', '--isolation', 'bwrap'], { PATH: '/nonexistent' });
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toBe(
      'error: --isolation bwrap: bubblewrap (bwrap) is not installed; install bubblewrap for the strongest seal (Debian/Ubuntu: sudo apt-get install bubblewrap)',
    );
  });

  it('is recorded in the result document: the best level by default, the one asked for otherwise', async () => {
    const best = (await isolationSupport()).best;
    if (process.env.CI === 'true') expect(best).toBe('bwrap');
    const run = (args: string[]): GradeResult => JSON.parse(runKit(['grade', 'favorite-color', '--target', 'solutions', '--no-typecheck', '--json', ...args]).stdout) as GradeResult;
    const byDefault = run([]);
    expect([byDefault.isolation, byDefault.score]).toEqual([best, byDefault.maxScore]);
    const asked = run(['--isolation', 'permission-model']);
    expect([asked.isolation, asked.score]).toEqual(['permission-model', asked.maxScore]);
  });
});

describe('a class', () => {
  it('starts with the level in force, and records it in every result and the report', () => {
    const { submissions, out } = oneLearnerClass();
    const run = runKit(['grade', 'favorite-color', '--submissions', submissions, '--out', out, '--isolation', 'permission-model']);
    expect(run.status).toBe(0);
    expect(run.stdout.split('\n')[0]).toBe("Learners' code runs sealed: permission-model (Node's permission model alone, as you asked).");
    const [file] = readdirSync(path.join(out, 'results'));
    expect((JSON.parse(readFileSync(path.join(out, 'results', file as string), 'utf8')) as GradeResult).isolation).toBe('permission-model');
    expect(readFileSync(path.join(out, 'report.html'), 'utf8')).toContain("Learners' code ran sealed by: permission-model.");
  });

  it("refuses Node's permission model alone unless asked for it, in one line", (context) => {
    if (process.getuid?.() !== 0 || !existsSync(setpriv)) context.skip('needs root and setpriv, to run the class as a user who has neither bubblewrap nor root');
    const { submissions, out } = oneLearnerClass();
    // As nobody, on a PATH without bubblewrap: the best this grader could do is the permission model.
    const run = spawnSync(
      setpriv,
      ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, path.join(kitRoot, 'grader', 'kit.mjs'), 'grade', 'favorite-color', '--submissions', submissions, '--out', out],
      { cwd: kitRoot, env: { PATH: '/nonexistent', HOME: tmpdir() }, encoding: 'utf8' },
    );
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toEqual([
      "error: this machine can seal learners' code only with Node's permission model (bubblewrap (bwrap) is not installed), which a determined learner can get around: install bubblewrap for the strongest seal (Debian/Ubuntu: sudo apt-get install bubblewrap), run as root, or accept it with --isolation permission-model",
    ]);
  });
});
