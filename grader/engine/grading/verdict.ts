/**
 * The verdict of an exercise (`ExerciseStatus`: passed, failed, not started, compile error,
 * crashed, timed out …) and why, decided in this one module from what the other stages observed:
 * the view as read and compiled (`compile.ts`, `read-view.ts`), how the sandbox host loaded the app
 * or ended (`sandbox/sandbox.ts`), the checks' results (`grade.ts`, `charges.ts`) and the view's
 * text (`not-started.ts`). Those stages say what they saw; only here does it become a verdict.
 */
import type { ExerciseInfo } from '../course/manifest.js';
import type { ExerciseResult, ExerciseStatus } from '../results.js';
import type { SourceLocation } from '../sandbox/protocol.js';
import { formatSeconds, type HostExit, type LoadOutcome } from '../sandbox/sandbox.js';
import { displayPath } from '../paths.js';
import type { PreparedView } from './compile.js';
import { markNotStarted } from './not-started.js';

/** A verdict and why: the message a learner reads under it and, when known, where in their file. */
export interface Verdict {
  status: ExerciseStatus;
  message: string | null;
  location: SourceLocation | null;
}

/** Whether the app ran to the end of its checks: every other verdict stopped them early. */
export function ranToTheEnd(status: ExerciseStatus): boolean {
  return status === 'passed' || status === 'failed';
}

/** An app that answered every check it was sent: passed when every check passed, failed otherwise. */
export function checksVerdict(checks: readonly { passed: boolean }[]): Verdict {
  return { status: checks.every((check) => check.passed) ? 'passed' : 'failed', message: null, location: null };
}

/** A view that cannot be run: missing, refused by `readView`, or not compiled. */
export function viewVerdict(view: Extract<PreparedView, { ok: false }>, file: string): Verdict {
  if ('missing' in view) return { status: 'missing-file', message: `${displayPath(file)} is missing`, location: null };
  return { status: view.status, message: view.message, location: view.location };
}

/** An app the host could not load: a missing export, a throw, or a host that ended while loading. */
export function loadVerdict(loaded: Extract<LoadOutcome, { ok: false }>): Verdict {
  return { status: loaded.kind, message: loaded.message, location: loaded.location };
}

/** A host that ended during a public check: its kind, in its own words. */
export function hostEndedVerdict(ended: HostExit): Verdict {
  return { status: ended.kind, message: ended.message, location: ended.location };
}

/**
 * How a host that ended during a hidden check is described: by its kind alone. The usual message
 * quotes what the app printed (its error) and names the request it was serving, which a view could
 * fill with what it saw of the hidden check.
 */
const endedInHidden: Record<HostExit['kind'], string> = {
  crashed: 'the app crashed during a hidden check',
  'out-of-memory': 'the app used more memory than allowed during a hidden check',
  timeout: 'the app stopped answering during a hidden check (an endless loop?)',
};

/** A host that ended during a hidden check: its kind alone. */
export function hostEndedInHiddenVerdict(kind: HostExit['kind']): Verdict {
  return { status: kind, message: endedInHidden[kind], location: null };
}

/**
 * An app that loaded for its public checks and not again for its hidden ones: described by its
 * kind alone, as any end during a hidden check (a load that throws is a crash).
 */
export function hiddenReloadVerdict(loaded: Extract<LoadOutcome, { ok: false }>): Verdict {
  const kind: HostExit['kind'] = loaded.kind === 'timeout' || loaded.kind === 'out-of-memory' ? loaded.kind : 'crashed';
  return { status: kind, message: `${endedInHidden[kind]} (loading the app again for them)`, location: null };
}

const outOfTimePrefix = 'the checks took longer than ';

/** An exercise whose checks used up its time in all, however each of them did. */
export function outOfTimeVerdict(exerciseTimeoutMs: number): Verdict {
  return { status: 'timeout', message: `${outOfTimePrefix}${formatSeconds(exerciseTimeoutMs)} in all`, location: null };
}

/** Whether the verdict is `outOfTimeVerdict`'s: the checks not run then say so, rather than "the app had stopped". */
export function ranOutOfTime(verdict: Verdict): boolean {
  return verdict.status === 'timeout' && verdict.message?.startsWith(outOfTimePrefix) === true;
}

/** The status once failures were charged to checks (`charges.ts`): a passed app with a check now failed has failed. */
export function afterCharges(status: ExerciseStatus, checks: readonly { passed: boolean }[]): ExerciseStatus {
  return status === 'passed' ? checksVerdict(checks).status : status;
}

/**
 * A failed zero whose graded text is still the stub as handed out is `not-started` (the text is
 * read in `not-started.ts`); any other result stays as it was.
 */
export function withNotStarted(result: ExerciseResult, view: PreparedView, info: ExerciseInfo): ExerciseResult {
  return view.ok ? markNotStarted(result, view.source, info) : result;
}
