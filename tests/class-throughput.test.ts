/**
 * How fast a class is graded: CLASS_SIZE=<n> npx vitest run tests/class-throughput.test.ts grades
 * n generated learners (the whole kit each: solutions and known mistakes) in one run and prints
 * learners per second and the peak memory of the grader and its sandbox hosts, as the run reports
 * them. Skipped unless CLASS_SIZE is set: it takes a while, and the machine should be quiet.
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeLargeClass, outFolder } from './class-fixture.js';
import { kitRoot } from './run-kit.js';

const size = Number(process.env.CLASS_SIZE ?? 0);

describe.skipIf(!size)(`grading a generated class${size ? ` of ${size}` : ' (skipped: set CLASS_SIZE=<learners> to measure)'}`, () => {
  it('reports its rate and peak memory', { timeout: 30 * 60_000 }, () => {
    const submissions = makeLargeClass(size);
    const out = outFolder();
    try {
      const started = performance.now();
      const run = spawnSync(process.execPath, [path.join(kitRoot, 'grader', 'kit.mjs'), 'grade', '--submissions', submissions, '--out', out], {
        cwd: kitRoot,
        env: { ...process.env, INIT_CWD: kitRoot, NO_COLOR: '1' },
        encoding: 'utf8',
        timeout: 25 * 60_000,
      });
      const seconds = (performance.now() - started) / 1000;
      expect(run.status, run.stderr).toBe(0);
      const summary = /^Graded .*$/m.exec(run.stdout)?.[0] ?? '';
      const peak = Number(/peak memory (\d+) MiB/.exec(summary)?.[1]);
      console.log(`${size} learners, whole kit: ${summary}\nwith the process start: ${seconds.toFixed(1)} s, ${(size / seconds).toFixed(2)} learners per second`);
      expect(summary).toMatch(new RegExp(`^Graded ${size} learners in `));
      expect(peak).toBeGreaterThan(0);
    } finally {
      rmSync(submissions, { recursive: true, force: true });
    }
  });
});
