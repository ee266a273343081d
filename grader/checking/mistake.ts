/**
 * Known mistakes, as the report names them. Each exercise lists its own in
 * `grader/checks/<slug>/mistakes.ts`, beside its checks and shipped with them (a learner's copy
 * has the list but not the code: `grader/mistakes/<slug>/<id>.ts` stays with the instructor). The
 * kit check grades each mistake's code and proves it fails exactly the checks listed.
 */

/** A mistake learners make, and the checks that catch it. */
export interface KnownMistake {
  /** The name of its code, `grader/mistakes/<slug>/<id>.ts`. */
  id: string;
  /** What the learner did, completing "This looks like: …" (lowercase, no final stop). */
  title: string;
  /** What to do about it: the idea to fix, not the line to type. */
  hint: string;
  /** Exactly the checks its code fails, public and hidden: the pattern a learner's result is matched against. */
  fails: string[];
  /**
   * More code of the same mistake, `grader/mistakes/<slug>/<name>.ts`, in another form (often
   * adapted from a public source): the kit check proves each fails exactly `fails` too.
   */
  also?: string[];
  /**
   * Why no public check can catch it, when none does; a learner's copy runs public checks only,
   * so every other mistake must fail at least one of them.
   */
  onlyHidden?: string;
  /**
   * Words a failed public check's message shows for this mistake alone (the error it throws), for
   * a mistake whose pattern other code can show too: without them, it is not named.
   */
  evidence?: string;
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
}

/**
 * The known mistakes whose pattern a result shows: of the checks that ran, each failed exactly
 * those the mistake fails and passed the others. In a learner's copy only public checks run, so
 * only their part of each pattern counts, and two mistakes may then look alike: both are named,
 * unless the failures show one's evidence. Empty when none matches, or when nothing failed.
 */
export function matchMistakes(mistakes: readonly KnownMistake[], checks: readonly { id: string; passed: boolean; message?: string | null }[]): MistakeMatch[] {
  const failed = new Set(checks.filter((check) => !check.passed).map((check) => check.id));
  if (failed.size === 0) return [];
  const ran = new Set(checks.map((check) => check.id));
  const matched = mistakes.filter((mistake) => {
    const expected = mistake.fails.filter((id) => ran.has(id));
    if (expected.length !== failed.size || !expected.every((id) => failed.has(id))) return false;
    const { evidence } = mistake;
    return !evidence || checks.some((check) => !check.passed && (check.message ?? '').includes(evidence));
  });
  // A mistake whose own error was seen outweighs one that only fails the same checks.
  const proven = matched.filter((mistake) => mistake.evidence !== undefined);
  return (proven.length > 0 ? proven : matched).map(({ id, title, hint }) => ({ id, title, hint }));
}
