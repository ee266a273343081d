/**
 * One learner's cost lands on that learner: a class where two store flooders, a slow retrier, an
 * endless loop, a memory hog and a connection hoarder are graded beside honest learners, with the
 * default limits and as many learners at once as the machine has processors. Every honest learner
 * keeps full marks, run after run, at each sealed level this machine has, and the run ends in
 * bounded time. `FAIRNESS_RUNS` sets the runs per level (the closing figures use ten). The levels
 * are graded at the same time, each class beside the other as beside any other work of a busy
 * machine: half the wait, and no honest learner may need a quiet machine either.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'vitest';
import { outputName } from '../../grader/instructor/class/output-name.js';
import { isolationSupport, type IsolationLevel } from '../../grader/engine/sandbox/isolation.js';
import type { GradeResult } from '../../grader/engine/results.js';
import { outFolder } from '../class-fixture.js';
import { kitRoot, type KitRun } from '../run-kit.js';

const slug = 'visit-counter';
const runs = Number(process.env.FAIRNESS_RUNS ?? 2);
const adversaries = ['floods-the-store', 'touches-a-large-record', 'retries-slowly', 'loops-in-handler', 'unbounded-memory', 'hoards-connections'];
const honest = ['ada', 'ben', 'chloe', 'dev'];
/** A class of ten learners, one exercise each, two at once: far below this in any run. */
const boundSeconds = 120;

function makeClass(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'class-fairness-'));
  // Honest learners come after the adversaries too, so that each meets them at every stage.
  const order = [honest[0], ...adversaries.slice(0, 2), honest[1], ...adversaries.slice(2), honest[2], honest[3]] as string[];
  order.forEach((id, index) => {
    const folder = path.join(root, `${String(index).padStart(2, '0')}-${id}`, slug);
    mkdirSync(folder, { recursive: true });
    const source = honest.includes(id) ? path.join(kitRoot, 'solutions', slug, 'view.ts') : path.join(kitRoot, 'tests', 'hostile', `${id}.ts`);
    cpSync(source, path.join(folder, 'view.ts'));
  });
  return root;
}

/** `runKit` without blocking, so that the levels' classes are graded at once. */
function runKitAsync(args: string[]): Promise<KitRun> {
  const { NO_COLOR: _noColor, FORCE_COLOR: _forceColor, ...inherited } = process.env;
  const child = spawn(process.execPath, [path.join(kitRoot, 'grader', 'kit.mjs'), ...args], { cwd: kitRoot, env: { ...inherited, INIT_CWD: kitRoot } });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (status) => resolve({ status, stdout, stderr }));
  });
}

const support = await isolationSupport();
const levels = (['bwrap', 'uid'] as IsolationLevel[]).filter((level) => !support.missing[level]);

describe.concurrent('a class with an adversary of each kind', () => {
  it.for(levels)(`at %s, leaves every honest learner with full marks in ${runs} runs of ${runs}, each in bounded time`, { timeout: runs * boundSeconds * 1000 }, async (level, { expect }) => {
    const submissions = makeClass();
    const learners = readdirSync(submissions).sort();
    const outcomes: string[] = [];
    for (let run = 0; run < runs; run += 1) {
      const out = outFolder();
      const started = Date.now();
      const graded = await runKitAsync(['grade', slug, '--submissions', submissions, '--out', out, '--isolation', level]);
      const seconds = (Date.now() - started) / 1000;
      expect(graded.status, graded.stderr).toBe(0);
      expect(seconds).toBeLessThan(boundSeconds);
      for (const id of learners.filter((name) => honest.some((person) => name.endsWith(person)))) {
        const result = JSON.parse(readFileSync(path.join(out, 'results', `${outputName(id)}.json`), 'utf8')) as GradeResult;
        const lost = result.exercises.flatMap((exercise) => exercise.checks.filter((check) => !check.passed).map((check) => `${check.id}: ${check.message}`));
        outcomes.push(`run ${run + 1} ${id}: ${result.score}/${result.maxScore}${lost.length > 0 ? ` (${lost.join('; ')})` : ''}`);
      }
    }
    expect(outcomes.filter((line) => !/: (\d+)\/\1$/.test(line))).toEqual([]);
  });
});
