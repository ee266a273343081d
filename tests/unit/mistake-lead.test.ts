/**
 * The first lines a learner reads about a failed exercise: a known mistake leads only when its
 * evidence was seen; otherwise the first failed check's own message and hint lead, and a mistake
 * whose pattern alone matched is offered below them as possible.
 */
import { describe, expect, it } from 'vitest';
import type { MistakeMatch } from '../../grader/engine/check-language/mistake.js';
import { renderExercise, styleFor } from '../../grader/outputs/report.js';
import type { CheckResult, ExerciseResult } from '../../grader/engine/results.js';

const plain = styleFor(process.stdout, { NO_COLOR: '1' });

function check(id: string, passed: boolean, message: string | null = null): CheckResult {
  return { id, title: `title of ${id}`, level: 'easy', visibility: 'public', points: 1, passed, message, hint: `hint of ${id}`, details: null, durationMs: 1 };
}

function failed(mistakes: MistakeMatch[]): ExerciseResult {
  const checks = [check('demo/first', true), check('demo/second', false, 'GET /x answered 200 "NaN times"'), check('demo/third', false, 'POST /x answered 500')];
  return { slug: 'demo', title: 'Demo', status: 'failed', score: 1, maxScore: 3, message: null, location: null, hiddenChecksIncluded: true, output: '', warnings: [], mistakes, checks, durationMs: 3, fix: null };
}

const noDefault: MistakeMatch = { id: 'no-default', title: 'the count is read without a default', hint: 'give it a default', certain: true };
const oldCount: MistakeMatch = { id: 'shows-old-count', title: 'the count shown is the one before this visit', hint: 'add 1 first', certain: false };

describe('the lead of a failed exercise', () => {
  it('is the mistake whose evidence was seen, with its hint, and no check hint', () => {
    const lines = renderExercise(failed([noDefault]), plain).split('\n');
    expect(lines[1]).toBe('  ! This looks like: the count is read without a default');
    expect(lines[2]).toBe('      hint: give it a default');
    expect(lines.join('\n')).not.toContain('hint of demo/second');
  });

  it('is the first failed check, with its message and hint, when only a pattern matched; the mistake comes after, as possible', () => {
    const text = renderExercise(failed([oldCount]), plain);
    expect(text).not.toContain('This looks like');
    const lines = text.split('\n');
    const message = lines.indexOf('      GET /x answered 200 "NaN times"');
    expect(message).toBeGreaterThan(0);
    expect(lines[message + 1]).toBe('      hint: hint of demo/second');
    expect(lines[message + 2]).toBe('      possibly: the count shown is the one before this visit');
  });

  it('names two causes only when both were seen', () => {
    const both = renderExercise(failed([noDefault, { ...noDefault, id: 'other', title: 'another cause' }]), plain);
    expect(both).toContain('This looks like: the count is read without a default; and another cause');
    const one = renderExercise(failed([noDefault, oldCount]), plain);
    expect(one).toContain('This looks like: the count is read without a default\n');
    expect(one).not.toContain('possibly');
  });

  it('leads with the first failed check when nothing matched', () => {
    const lines = renderExercise(failed([]), plain).split('\n');
    expect(lines.some((line) => line.includes('This looks like'))).toBe(false);
    expect(lines).toContain('      hint: hint of demo/second');
    expect(lines).not.toContain('      hint: hint of demo/third');
  });

  it('is the check the app stopped in, with its requests and hint, when it crashed during the checks', () => {
    const ran = { ...check('demo/second', false, 'the app crashed: TypeError: x is undefined'), details: { requests: ['visitor 1: POST /x (no cookie) → no answer'], expected: null, actual: null } };
    const crashed: ExerciseResult = { ...failed([]), status: 'crashed', message: 'the app crashed: TypeError: x is undefined', checks: [check('demo/first', true), ran, check('demo/third', false, 'the app had stopped')] };
    const lines = renderExercise(crashed, plain).split('\n');
    expect(lines).toContain('      │ visitor 1: POST /x (no cookie) → no answer');
    expect(lines).toContain('      hint: hint of demo/second');
    expect(lines).not.toContain('      hint: hint of demo/first');
  });
});
