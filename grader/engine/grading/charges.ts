/**
 * Turns what a phase's request log left to charge (`check-language/request-log.ts`) into the
 * checks' results: the log knows which request caused a failure, the results are the grading's.
 */
import type { Check } from '../check-language/check.js';
import type { Exchange } from '../check-language/exchange.js';
import type { Charges } from '../check-language/request-log.js';
import { didNotRun, failedCheck, notRunChecks, type CheckResult, type ExerciseStatus } from '../results.js';
import { afterCharges } from './verdict.js';

/**
 * Charges each check its failure (see `RequestLog.charges`): a check that passed or failed on a
 * broken connection now fails with the cause. When the host died of a request an earlier check
 * sent, the check that found it dead was not its cause: it did not run; the exercise's message
 * names the request. A hidden check shows no message (the request would give it away).
 */
export function applyCharges(
  charged: Charges,
  checks: readonly Check[],
  results: CheckResult[],
  run: { status: ExerciseStatus; message: string | null },
  describe: (exchanges: Exchange[]) => string[],
): void {
  const { crash } = charged;
  if (crash !== null) {
    const found = results.findLastIndex((result) => !didNotRun(result.message));
    const finder = checks[found];
    if (found > crash.check && finder && !results[found]?.passed) results[found] = notRunChecks([finder], 'the app had stopped')[0] as CheckResult;
    if (checks[crash.check]?.visibility === 'public') run.message = crash.message;
  }
  for (const [index, { message, exchanges }] of charged.checks) {
    const check = checks[index];
    const result = results[index];
    if (!check || !result || didNotRun(result.message)) continue;
    results[index] = failedCheck(check, check.visibility === 'public' ? message : null, { requests: describe(exchanges), expected: null, actual: null }, result.durationMs);
  }
  run.status = afterCharges(run.status, results);
}
