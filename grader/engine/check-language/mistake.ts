/**
 * Known mistakes, as the report names them. Each exercise lists its own in
 * `solutions/<slug>/mistakes.ts`, beside its hidden checks (a learner's copy gets the list, as
 * `exercises/<slug>/mistakes.ts`, but not the code: `solutions/<slug>/mistakes/<id>.ts` stays with the instructor). The
 * kit check grades each mistake's code and proves it fails exactly the checks listed.
 */
import { Evidence, type Seen } from './evidence.js';

export type { Evidence, Seen };

/** A mistake learners make, and the checks that catch it. */
export interface KnownMistake {
  /** The name of its code, `solutions/<slug>/mistakes/<id>.ts`. */
  id: string;
  /** What the learner did, completing "This looks like: …" (lowercase, no final stop). */
  title: string;
  /** What to do about it: the idea to fix, not the line to type. */
  hint: string;
  /** Exactly the checks its code fails, public and hidden: the pattern a learner's result is matched against. */
  fails: string[];
  /**
   * More code of the same mistake, `solutions/<slug>/mistakes/<name>.ts`, in another form (often
   * adapted from a public source): the kit check proves each fails exactly `fails` too.
   */
  also?: string[];
  /**
   * Why no public check can catch it, when none does; a learner's copy runs public checks only,
   * so every other mistake must fail at least one of them.
   */
  onlyHidden?: string;
  /**
   * The mistake's own signs in what the grader saw while its checks failed (the answers, the
   * cookies, the store's records and the order of store replies and answers): other code can fail
   * the same checks, and only this tells them apart. A mistake is named when its checks failed and
   * this holds; without it, a matching pattern is only offered as "possibly".
   */
  evidence?: (seen: Evidence) => boolean;
  /**
   * Code, `solutions/<slug>/lookalikes/<name>.ts` (or another mistake's), that fails exactly the same checks for another
   * reason: the kit check proves that it is not given this mistake's name.
   */
  lookalikes?: string[];
  /**
   * Why no look-alike can be written, when none can: what the pattern and the evidence say
   * together is the mistake itself (a value one visitor sent, shown to another, is shared state
   * however it is kept).
   */
  noLookalike?: string;
}

/** The known mistakes of one exercise, in the order a match is looked for. */
export function knownMistakes(mistakes: KnownMistake[]): KnownMistake[] {
  return mistakes;
}

/** What a learner's result was matched to. */
export interface MistakeMatch {
  id: string;
  title: string;
  hint: string;
  /**
   * True when the mistake's own evidence was seen; false when only its pattern of failed checks
   * matched, and the report offers it as "possibly", after the first failed check's own message.
   */
  certain: boolean;
}

/** Whether a mistake's evidence holds; evidence that throws (a bug of its own) proves nothing. */
function holds(mistake: KnownMistake, evidence: Evidence): boolean {
  try {
    return mistake.evidence?.(evidence) === true;
  } catch {
    return false;
  }
}

/**
 * The known mistakes a result shows. A mistake is named when every check it fails failed (of the
 * checks that ran: a learner's copy runs public checks only) and its `evidence` holds in what the
 * failed checks saw; other checks may have failed too, for another bug, which keeps its own
 * message. A mistake without evidence is offered as possible only when the failed checks are
 * exactly its own, and only when no mistake was named. Empty when nothing failed.
 */
export function matchMistakes(mistakes: readonly KnownMistake[], checks: readonly { id: string; passed: boolean }[], seen: readonly Seen[]): MistakeMatch[] {
  const failed = new Set(checks.filter((check) => !check.passed).map((check) => check.id));
  if (failed.size === 0) return [];
  const ran = new Set(checks.map((check) => check.id));
  const expectedOf = (mistake: KnownMistake): string[] => mistake.fails.filter((id) => ran.has(id));
  const evidence = new Evidence(seen.filter((check) => failed.has(check.check)), seen);
  const proven = mistakes.filter((mistake) => {
    const expected = expectedOf(mistake);
    return expected.length > 0 && expected.every((id) => failed.has(id)) && holds(mistake, evidence);
  });
  if (proven.length > 0) return proven.map(({ id, title, hint }) => ({ id, title, hint, certain: true }));
  const exact = mistakes.filter((mistake) => {
    const expected = expectedOf(mistake);
    return mistake.evidence === undefined && expected.length === failed.size && expected.every((id) => failed.has(id));
  });
  return exact.map(({ id, title, hint }) => ({ id, title, hint, certain: false }));
}

/** The mistakes a result names with their evidence seen; results written before evidence have no `certain` and named only these. */
export function namedMistakes(mistakes: readonly MistakeMatch[] | undefined): MistakeMatch[] {
  return (mistakes ?? []).filter((mistake) => mistake.certain !== false);
}
