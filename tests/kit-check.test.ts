/** The kit check on the real course, and its judgement of known mistakes on made-up results. */
import { describe, expect, it } from 'vitest';
import { defaultLimits } from '../grader/grading/grade.js';
import { checkKit, judgeMistake, parseMistakeHeader, type KnownMistake } from '../grader/kit-check.js';
import type { CheckResult, ExerciseResult } from '../grader/results.js';

function checkResult(id: string, passed: boolean, points = 1): CheckResult {
  return { id, title: id, level: 'easy', visibility: 'hidden', points, passed, message: null, hint: 'h', details: null };
}

function exerciseResult(checks: CheckResult[]): ExerciseResult {
  const score = checks.filter((check) => check.passed).reduce((sum, check) => sum + check.points, 0);
  const maxScore = checks.reduce((sum, check) => sum + check.points, 0);
  return { slug: 'demo', title: 'Demo', status: 'failed', score, maxScore, message: null, location: null, hiddenChecksIncluded: true, output: '', warnings: [], checks, durationMs: 1 };
}

const mistake: KnownMistake = { slug: 'demo', file: '/kit/grader/mistakes/demo/shared.ts', summary: 'shared state', caughtBy: ['demo/apart'] };

describe('the kit check', () => {
  it('finds the kit sound: solutions full, stubs zero, mistakes caught, variants full', async () => {
    const report = await checkKit(defaultLimits);
    expect(report.problems).toEqual([]);
    expect(report.proven.join('\n')).toMatch(/[1-9]\d* known mistakes are caught/);
    // It grades every solution, stub, mistake and variant of the kit: minutes on a busy machine.
  }, 300_000);

  it('accepts a mistake that its named check catches', () => {
    expect(judgeMistake(mistake, exerciseResult([checkResult('demo/basic', true), checkResult('demo/apart', false)]))).toEqual([]);
  });

  it('reports a mistake that its named check lets through', () => {
    const problems = judgeMistake(mistake, exerciseResult([checkResult('demo/basic', false), checkResult('demo/apart', true)]));
    expect(problems).toEqual([expect.stringMatching(/\(shared state\) is not caught by demo\/apart$/)]);
  });

  it('reports a mistake with full marks, and a named check that does not exist', () => {
    const problems = judgeMistake({ ...mistake, caughtBy: ['demo/nope'] }, exerciseResult([checkResult('demo/basic', true)]));
    expect(problems).toEqual([
      expect.stringMatching(/\(shared state\) gets full marks$/),
      expect.stringMatching(/names the check demo\/nope, which demo does not have$/),
    ]);
  });

  it('reads a mistake header, and refuses one without "Caught by"', () => {
    expect(parseMistakeHeader('/**\n * Known mistake: a shared counter.\n * Caught by: a/b, a/c\n */')).toEqual({
      summary: 'a shared counter.',
      caughtBy: ['a/b', 'a/c'],
    });
    expect(parseMistakeHeader('/** Known mistake: no checks named. */')).toBeNull();
  });
});
