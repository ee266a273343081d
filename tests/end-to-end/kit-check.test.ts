/** The kit check on the real course, and its judgement of known mistakes on made-up results. */
import { describe, expect, it } from 'vitest';
import { defaultLimits } from '../../grader/engine/grading/grade.js';
import type { Check } from '../../grader/engine/check-language/check.js';
import { matchMistakes, type KnownMistake, type Seen } from '../../grader/engine/check-language/mistake.js';
import type { Exchange } from '../../grader/engine/check-language/visitor.js';
import { checkKit, judgeMistake, mistakeListProblems, type MistakeUnderTest } from '../../grader/instructor/soundness/soundness.js';
import type { CheckResult, ExerciseResult } from '../../grader/engine/results.js';

function checkResult(id: string, passed: boolean, points = 1): CheckResult {
  return { id, title: id, level: 'easy', visibility: 'hidden', points, passed, message: null, hint: 'h', details: null, durationMs: 0 };
}

function exerciseResult(checks: CheckResult[]): ExerciseResult {
  const score = checks.filter((check) => check.passed).reduce((sum, check) => sum + check.points, 0);
  const maxScore = checks.reduce((sum, check) => sum + check.points, 0);
  return { slug: 'demo', title: 'Demo', status: 'failed', score, maxScore, message: null, location: null, fix: null, hiddenChecksIncluded: true, output: '', warnings: [], mistakes: [], checks, durationMs: 1 };
}

const entry: KnownMistake = { id: 'shared', title: 'shared state', hint: 'keep it apart', fails: ['demo/apart'], evidence: (seen) => seen.showedAnotherVisitorsValue(), noLookalike: 'shared state is shared state' };
const mistake: MistakeUnderTest = { slug: 'demo', file: '/kit/solutions/demo/mistakes/shared.ts', entry };

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

  it('accepts a mistake that fails exactly the checks its entry lists and is named', () => {
    const named = { ...exerciseResult([checkResult('demo/basic', true), checkResult('demo/apart', false)]), mistakes: [{ id: 'shared', title: 't', hint: 'h', certain: true }] };
    expect(judgeMistake(mistake, named)).toEqual([]);
    expect(judgeMistake(mistake, { ...named, mistakes: [] })).toEqual([expect.stringMatching(/shared\.ts is not named when graded/)]);
  });

  it('reports a mistake with evidence that its grading did not see', () => {
    const proven = { ...mistake, entry: { ...entry, evidence: () => true } };
    const graded = exerciseResult([checkResult('demo/basic', true), checkResult('demo/apart', false)]);
    expect(judgeMistake(proven, { ...graded, mistakes: [{ id: 'shared', title: 't', hint: 'h', certain: true }] })).toEqual([]);
    expect(judgeMistake(proven, { ...graded, mistakes: [{ id: 'shared', title: 't', hint: 'h', certain: false }] })).toEqual([expect.stringMatching(/its evidence was not seen/)]);
  });

  it('reports a look-alike given the name, or failing other checks', () => {
    const lookalike = { ...mistake, file: '/kit/solutions/demo/lookalikes/other-bug.ts', lookalike: true };
    const graded = exerciseResult([checkResult('demo/basic', true), checkResult('demo/apart', false)]);
    expect(judgeMistake(lookalike, graded)).toEqual([]);
    expect(judgeMistake(lookalike, { ...graded, mistakes: [{ id: 'shared', title: 't', hint: 'h', certain: true }] })).toEqual([expect.stringMatching(/a look-alike of shared, is given its name/)]);
    expect(judgeMistake(lookalike, exerciseResult([checkResult('demo/basic', false), checkResult('demo/apart', false)]))).toEqual([expect.stringMatching(/must fail exactly the checks shared fails/)]);
  });

  it('reports a mistake whose checks differ from its entry, with the list to write', () => {
    const problems = judgeMistake(mistake, exerciseResult([checkResult('demo/basic', false), checkResult('demo/apart', true)]));
    expect(problems).toEqual([expect.stringMatching(/shared\.ts fails demo\/basic, not what solutions\/demo\/mistakes\.ts lists for it: write fails: \['demo\/basic'\]$/)]);
  });

  it('counts a mistake that did not run as a problem, not as caught', () => {
    const crashed = { ...exerciseResult([checkResult('demo/apart', false)]), status: 'crashed' as const, message: 'view.ts threw while loading' };
    expect(judgeMistake(mistake, crashed)).toEqual([expect.stringMatching(/did not run as a known mistake should: crashed \(view\.ts threw while loading\)$/)]);
  });

  it('pairs mistake files with their entries', () => {
    const checks = [check('demo/basic', 'public'), check('demo/apart', 'hidden')];
    const caught = { ...entry, fails: ['demo/basic', 'demo/apart'] };
    expect(mistakeListProblems('demo', ['/kit/solutions/demo/mistakes/shared.ts', '/kit/solutions/demo/mistakes/extra.ts'], [caught, { ...caught, id: 'gone', fails: ['demo/basic', 'demo/nope'] }], checks)).toEqual([
      "solutions/demo/mistakes/extra.ts has no entry in solutions/demo/mistakes.ts: give it a title, a hint and the checks it fails, or name it in another entry's also",
      'solutions/demo/mistakes.ts lists gone, but solutions/demo/mistakes/gone.ts is missing',
      'solutions/demo/mistakes.ts: gone names the check demo/nope, which demo does not have',
    ]);
    expect(mistakeListProblems('demo', ['/kit/solutions/demo/mistakes/shared.ts'], [caught], checks)).toEqual([]);
  });

  it('wants evidence for every mistake, and a look-alike or the reason there is none', () => {
    const checks = [check('demo/apart', 'public')];
    const files = ['/kit/solutions/demo/mistakes/shared.ts'];
    expect(mistakeListProblems('demo', files, [{ ...entry, evidence: undefined }], checks)).toEqual([expect.stringMatching(/^solutions\/demo\/mistakes\.ts: shared has no evidence: /)]);
    expect(mistakeListProblems('demo', files, [{ ...entry, noLookalike: ' ' }], checks)).toEqual([expect.stringMatching(/: shared has no look-alike: .* or say in noLookalike why none can be written$/)]);
    expect(mistakeListProblems('demo', files, [{ ...entry, noLookalike: undefined, lookalikes: ['gone'] }], checks)).toEqual([
      'solutions/demo/mistakes.ts: shared names the look-alike gone, but neither solutions/demo/lookalikes/gone.ts nor solutions/demo/mistakes/gone.ts exists',
    ]);
  });

  it('takes more code of one mistake through also, and wants every file it names', () => {
    const checks = [check('demo/basic', 'public')];
    const files = ['/kit/solutions/demo/mistakes/shared.ts', '/kit/solutions/demo/mistakes/shared-from-a-tutorial.ts'];
    const folded = { ...entry, fails: ['demo/basic'], also: ['shared-from-a-tutorial'] };
    expect(mistakeListProblems('demo', files, [folded], checks)).toEqual([]);
    expect(mistakeListProblems('demo', files.slice(0, 1), [folded], checks)).toEqual([
      'solutions/demo/mistakes.ts lists shared-from-a-tutorial, but solutions/demo/mistakes/shared-from-a-tutorial.ts is missing',
    ]);
  });

  it('asks that a public check catch each mistake, unless its entry says why only a hidden one can', () => {
    const checks = [check('demo/basic', 'public'), check('demo/apart', 'hidden')];
    const files = ['/kit/solutions/demo/mistakes/shared.ts'];
    expect(mistakeListProblems('demo', files, [entry], checks)).toEqual([
      "solutions/demo/mistakes.ts: shared is caught by hidden checks only, so a learner's copy cannot tell the learner: add a public check that catches it, or say in onlyHidden why only a hidden check can",
    ]);
    expect(mistakeListProblems('demo', files, [{ ...entry, onlyHidden: '  ' }], checks)).toHaveLength(1);
    expect(mistakeListProblems('demo', files, [{ ...entry, onlyHidden: 'only rewriting the store shows it' }], checks)).toEqual([]);
    expect(mistakeListProblems('demo', files, [{ ...entry, fails: ['demo/basic', 'demo/apart'] }], checks)).toEqual([]);
  });
});

describe('a learner result matched to known mistakes', () => {
  const mistakes: KnownMistake[] = [
    { id: 'shared', title: 'shared state', hint: 'keep it apart', fails: ['demo/apart', 'demo/hidden-store'] },
    { id: 'cookie', title: 'data in a cookie', hint: 'keep it on the server', fails: ['demo/server'], evidence: (seen) => seen.cookieOfItsOwn() },
  ];
  /** What a failed check saw: one exchange, as a visitor's. */
  function seen(check: string, answer: Partial<Exchange>): Seen {
    const exchange: Exchange = { visitor: 'visitor 1', method: 'GET', path: '/x', fields: null, cookie: null, status: 200, text: '', setCookies: [], handlerError: null, sentAt: 1, answeredAt: 2, ...answer };
    return { check, exchanges: [exchange], store: [], notes: [] };
  }

  it('offers a mistake without evidence as possible when its pattern matches exactly', () => {
    const checks = [checkResult('demo/basic', true), checkResult('demo/apart', false), checkResult('demo/server', true), checkResult('demo/hidden-store', false)];
    expect(matchMistakes(mistakes, checks, [])).toEqual([{ id: 'shared', title: 'shared state', hint: 'keep it apart', certain: false }]);
  });

  it('matches on the checks that ran only, as in a learner copy without hidden checks', () => {
    expect(matchMistakes(mistakes, [checkResult('demo/basic', true), checkResult('demo/apart', false), checkResult('demo/server', true)], []).map((match) => match.id)).toEqual(['shared']);
  });

  it('names a mistake with evidence only when a failed check saw it', () => {
    const checks = [checkResult('demo/basic', true), checkResult('demo/server', false)];
    const ownCookie = seen('demo/server', { setCookies: ['color=red; Path=/'] });
    expect(matchMistakes(mistakes, checks, [ownCookie])).toEqual([{ id: 'cookie', title: 'data in a cookie', hint: 'keep it on the server', certain: true }]);
    expect(matchMistakes(mistakes, checks, [seen('demo/server', { text: 'Missing color', status: 400 })])).toEqual([]);
    // What a passing check saw is not evidence.
    expect(matchMistakes(mistakes, checks, [{ ...ownCookie, check: 'demo/basic' }])).toEqual([]);
  });

  it('names a mistake whose evidence was seen among the failures of another bug, and offers none whose pattern is not exact', () => {
    const checks = [checkResult('demo/basic', false), checkResult('demo/apart', false), checkResult('demo/server', false), checkResult('demo/hidden-store', true)];
    expect(matchMistakes(mistakes, checks, [seen('demo/server', { setCookies: ['color=red'] })]).map((match) => [match.id, match.certain])).toEqual([['cookie', true]]);
    expect(matchMistakes(mistakes, checks, [seen('demo/server', {})])).toEqual([]);
  });

  it('names only the look-alike whose evidence was seen, and offers nothing else beside it', () => {
    const twin: KnownMistake = { id: 'twin', title: 'a twin', hint: 'h', fails: ['demo/server'] };
    const checks = [checkResult('demo/basic', true), checkResult('demo/server', false)];
    expect(matchMistakes([twin, ...mistakes], checks, [seen('demo/server', { setCookies: ['color=red'] })]).map((match) => match.id)).toEqual(['cookie']);
    expect(matchMistakes([twin, ...mistakes], checks, [seen('demo/server', {})]).map((match) => [match.id, match.certain])).toEqual([['twin', false]]);
  });

  it('names nothing when the failures fit no pattern, or nothing failed', () => {
    expect(matchMistakes(mistakes, [checkResult('demo/apart', false), checkResult('demo/server', false)], [])).toEqual([]);
    expect(matchMistakes(mistakes, [checkResult('demo/apart', true)], [])).toEqual([]);
  });
});

