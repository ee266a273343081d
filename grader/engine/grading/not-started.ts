/**
 * Whether a view is still the kit's stub: every handler the routes use does nothing but answer
 * 501 "Not implemented yet", as handed out. Decided from the view's text, comments and layout
 * aside, so that a stub whose TODO comments were edited or removed is still not started; any
 * other statement in a handler is work begun. Only ever applied to a result with no check
 * passed, so the decision can rename a zero, never take a point away.
 */
import type { ExerciseInfo } from '../course/manifest.js';
import type { ExerciseResult } from '../results.js';
import { viewHandlers, viewTextLimit, withoutComments } from './view-text.js';

/** What each untouched handler of a stub does, every space removed (those of the answer too). */
const stubBody = /^res\.status\(501\)\.send\((['"`])Notimplementedyet\1\);?$/;

/** The body of `handler` (between its braces), or null when it is not declared as a function. */
function bodyOf(code: string, handler: string): string | null {
  const declaration = new RegExp(`\\bfunction\\s+${handler}\\s*\\(|\\b${handler}\\s*=\\s*(?:async\\s*)?(?:function\\b[^(]*)?\\(`).exec(code);
  if (!declaration) return null;
  const open = code.indexOf('{', declaration.index + declaration[0].length);
  if (open === -1) return null;
  let depth = 0;
  for (let index = open; index < code.length; index += 1) {
    if (code[index] === '{') depth += 1;
    else if (code[index] === '}' && --depth === 0) return code.slice(open + 1, index);
  }
  return null;
}

/** True when every view handler of the exercise is exactly the stub's answer. */
export function isUntouchedStub(source: string, info: ExerciseInfo): boolean {
  const handlers = viewHandlers(info);
  if (handlers.length === 0) return false;
  const code = withoutComments(source);
  return handlers.every((handler) => {
    const body = bodyOf(code, handler);
    return body !== null && stubBody.test(body.replace(/\s+/g, ''));
  });
}

export const notStartedMessage = 'every handler still answers "Not implemented yet"; replace the TODOs in view.ts';

/** The result renamed `not-started` when no check passed and the view is the stub; otherwise as it was. */
export function markNotStarted(result: ExerciseResult, source: string | null, info: ExerciseInfo): ExerciseResult {
  if (result.status !== 'failed' || source === null || source.length > viewTextLimit || result.checks.some((check) => check.passed)) return result;
  if (!isUntouchedStub(source, info)) return result;
  return { ...result, status: 'not-started', message: notStartedMessage, mistakes: [] };
}
