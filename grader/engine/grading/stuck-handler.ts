/**
 * Which of the learner's handlers a request that never came back was routed to, so that a
 * `timeout` names the function to look at. Known from the manifest's routes and the grader's own
 * request; the host, stuck in the loop, cannot be asked. The line is not known: a host whose
 * thread is busy answers nothing, and reading its stack would take a debugger attached to
 * learner code.
 */
import { routePattern, type ExerciseInfo } from '../course/manifest.js';

/** The learner's handler of `method path` (query string ignored), or null for a kit handler or no route. */
export function handlerOf(info: ExerciseInfo, method: string, requestPath: string): string | null {
  const bare = requestPath.split('?')[0] ?? requestPath;
  const route = info.routes.find((candidate) => candidate.method === method && routePattern(candidate.path).test(bare));
  return route?.handler.startsWith('view:') ? route.handler.slice('view:'.length) : null;
}

/** " in `countVisit`", for a message about the request `GET /visits got no answer…`; empty when unknown. */
export function inHandler(info: ExerciseInfo, noAnswerMessage: string): string {
  const request = /^([A-Z]+) (\S+) /.exec(noAnswerMessage);
  const handler = request ? handlerOf(info, request[1] ?? '', request[2] ?? '') : null;
  return handler ? ` in \`${handler}\`` : '';
}
