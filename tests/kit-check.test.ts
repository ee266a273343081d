/** The kit check on the real course, and its judgement of known mistakes on made-up results. */
import { describe, expect, it } from 'vitest';
import { defaultLimits } from '../grader/grading/grade.js';
import type { Check } from '../grader/checking/check.js';
import { matchMistakes, type KnownMistake } from '../grader/checking/mistake.js';
import { checkKit, judgeMistake, mistakeListProblems, type MistakeUnderTest } from '../grader/kit-check.js';
import type { CheckResult, ExerciseResult } from '../grader/results.js';

function checkResult(id: string, passed: boolean, points = 1): CheckResult {
  return { id, title: id, level: 'easy', visibility: 'hidden', points, passed, message: null, hint: 'h', details: null, durationMs: 0 };
}

function exerciseResult(checks: CheckResult[]): ExerciseResult {
  const score = checks.filter((check) => check.passed).reduce((sum, check) => sum + check.points, 0);
  const maxScore = checks.reduce((sum, check) => sum + check.points, 0);
  return { slug: 'demo', title: 'Demo', status: 'failed', score, maxScore, message: null, location: null, hiddenChecksIncluded: true, output: '', warnings: [], mistakes: [], checks, durationMs: 1 };
}

const entry: KnownMistake = { id: 'shared', title: 'shared state', hint: 'keep it apart', fails: ['demo/apart'] };
const mistake: MistakeUnderTest = { slug: 'demo', file: '/kit/grader/mistakes/demo/shared.ts', entry };

function check(id: string, visibility: Check['visibility']): Check {
  return { id, title: id, level: 'easy', visibility, points: 1, hint: 'h', run: async () => undefined };
}

describe('the kit check', () => {
  it('finds the kit sound: solutions full, stubs zero, mistakes caught, variants full', async () => {
    const report = await checkKit(defaultLimits);
    expect(report.problems).toEqual([]);
    expect(report.proven.join('\n')).toMatch(/[1-9]\d* known mistakes fail exactly the checks their list names/);
    // It grades every solution, stub, mistake and variant of the kit: minutes on a busy machine.
  }, 300_000);

  it('accepts a mistake that fails exactly the checks its entry lists', () => {
    expect(judgeMistake(mistake, exerciseResult([checkResult('demo/basic', true), checkResult('demo/apart', false)]))).toEqual([]);
  });

  it('reports a mistake whose checks differ from its entry, with the list to write', () => {
    const problems = judgeMistake(mistake, exerciseResult([checkResult('demo/basic', false), checkResult('demo/apart', true)]));
    expect(problems).toEqual([expect.stringMatching(/shared\.ts fails demo\/basic, not what grader\/checks\/demo\/mistakes\.ts lists for it: write fails: \['demo\/basic'\]$/)]);
  });

  it('counts a mistake that did not run as a problem, not as caught', () => {
    const crashed = { ...exerciseResult([checkResult('demo/apart', false)]), status: 'crashed' as const, message: 'view.ts threw while loading' };
    expect(judgeMistake(mistake, crashed)).toEqual([expect.stringMatching(/did not run as a known mistake should: crashed \(view\.ts threw while loading\)$/)]);
  });

  it('pairs mistake files with their entries', () => {
    const checks = [check('demo/basic', 'public'), check('demo/apart', 'hidden')];
    const caught = { ...entry, fails: ['demo/basic', 'demo/apart'] };
    expect(mistakeListProblems('demo', ['/kit/grader/mistakes/demo/shared.ts', '/kit/grader/mistakes/demo/extra.ts'], [caught, { ...caught, id: 'gone', fails: ['demo/basic', 'demo/nope'] }], checks)).toEqual([
      "grader/mistakes/demo/extra.ts has no entry in grader/checks/demo/mistakes.ts: give it a title, a hint and the checks it fails, or name it in another entry's also",
      'grader/checks/demo/mistakes.ts lists gone, but grader/mistakes/demo/gone.ts is missing',
      'grader/checks/demo/mistakes.ts: gone names the check demo/nope, which demo does not have',
    ]);
    expect(mistakeListProblems('demo', ['/kit/grader/mistakes/demo/shared.ts'], [caught], checks)).toEqual([]);
  });

  it('takes more code of one mistake through also, and wants every file it names', () => {
    const checks = [check('demo/basic', 'public')];
    const files = ['/kit/grader/mistakes/demo/shared.ts', '/kit/grader/mistakes/demo/shared-from-a-tutorial.ts'];
    const folded = { ...entry, fails: ['demo/basic'], also: ['shared-from-a-tutorial'] };
    expect(mistakeListProblems('demo', files, [folded], checks)).toEqual([]);
    expect(mistakeListProblems('demo', files.slice(0, 1), [folded], checks)).toEqual([
      'grader/checks/demo/mistakes.ts lists shared-from-a-tutorial, but grader/mistakes/demo/shared-from-a-tutorial.ts is missing',
    ]);
  });

  it('asks that a public check catch each mistake, unless its entry says why only a hidden one can', () => {
    const checks = [check('demo/basic', 'public'), check('demo/apart', 'hidden')];
    const files = ['/kit/grader/mistakes/demo/shared.ts'];
    expect(mistakeListProblems('demo', files, [entry], checks)).toEqual([
      "grader/checks/demo/mistakes.ts: shared is caught by hidden checks only, so a learner's copy cannot tell the learner: add a public check that catches it, or say in onlyHidden why only a hidden check can",
    ]);
    expect(mistakeListProblems('demo', files, [{ ...entry, onlyHidden: '  ' }], checks)).toHaveLength(1);
    expect(mistakeListProblems('demo', files, [{ ...entry, onlyHidden: 'only rewriting the store shows it' }], checks)).toEqual([]);
    expect(mistakeListProblems('demo', files, [{ ...entry, fails: ['demo/basic', 'demo/apart'] }], checks)).toEqual([]);
  });
});

describe('a learner result matched to known mistakes', () => {
  const mistakes: KnownMistake[] = [
    { id: 'shared', title: 'shared state', hint: 'keep it apart', fails: ['demo/apart', 'demo/hidden-store'] },
    { id: 'cookie', title: 'data in a cookie', hint: 'keep it on the server', fails: ['demo/server'] },
  ];

  it('names the mistake whose pattern the checks show exactly', () => {
    const checks = [checkResult('demo/basic', true), checkResult('demo/apart', false), checkResult('demo/server', true), checkResult('demo/hidden-store', false)];
    expect(matchMistakes(mistakes, checks)).toEqual([{ id: 'shared', title: 'shared state', hint: 'keep it apart' }]);
  });

  it('matches on the checks that ran only, as in a learner copy without hidden checks', () => {
    expect(matchMistakes(mistakes, [checkResult('demo/basic', true), checkResult('demo/apart', false), checkResult('demo/server', true)]).map((match) => match.id)).toEqual(['shared']);
  });

  it('names a mistake with evidence only when a failed check message shows it', () => {
    const thrower: KnownMistake = { id: 'throws', title: 'a throw', hint: 'check first', fails: ['demo/server'], evidence: 'the handler threw' };
    const failing = (message: string): CheckResult => ({ ...checkResult('demo/server', false), message });
    expect(matchMistakes([thrower], [checkResult('demo/basic', true), failing('POST /x failed: the handler threw TypeError')]).map((match) => match.id)).toEqual(['throws']);
    expect(matchMistakes([thrower], [checkResult('demo/basic', true), failing('GET /x answered 200 "a"')])).toEqual([]);
  });

  it('names only the look-alike whose evidence the failures show, and both when neither shows any', () => {
    const thrower: KnownMistake = { id: 'throws', title: 'a throw', hint: 'check first', fails: ['demo/server'], evidence: 'the handler threw' };
    const lookAlikes = [mistakes[1] as KnownMistake, thrower];
    const failing = (message: string): CheckResult => ({ ...checkResult('demo/server', false), message });
    expect(matchMistakes(lookAlikes, [checkResult('demo/basic', true), failing('POST /x failed: the handler threw TypeError')]).map((match) => match.id)).toEqual(['throws']);
    expect(matchMistakes(lookAlikes, [checkResult('demo/basic', true), failing('GET /x set a cookie of its own')]).map((match) => match.id)).toEqual(['cookie']);
    const twin: KnownMistake = { ...(mistakes[1] as KnownMistake), id: 'twin' };
    expect(matchMistakes([mistakes[1] as KnownMistake, twin], [failing('GET /x set a cookie of its own')]).map((match) => match.id)).toEqual(['cookie', 'twin']);
  });

  it('names nothing when the failures fit no pattern, or nothing failed', () => {
    expect(matchMistakes(mistakes, [checkResult('demo/apart', false), checkResult('demo/server', false)])).toEqual([]);
    expect(matchMistakes(mistakes, [checkResult('demo/apart', true)])).toEqual([]);
  });
});
