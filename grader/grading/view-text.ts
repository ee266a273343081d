/**
 * Reading a view's text as text, for what the grader can tell a learner about their code without
 * running it (a stub untouched, a handler without `export`). Never parsed as TypeScript: these
 * are hints about a zero the checks already gave, and none of them can change a score.
 */
import type { ExerciseInfo } from '../manifest.js';

/** The text with its comments blanked out, line breaks kept, so that line numbers still hold. */
export function withoutComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, (comment) => comment.replace(/[^\n]/g, ' '));
}

/** The names of the handlers the view must export (`view:<name>` routes), each once. */
export function viewHandlers(info: ExerciseInfo): string[] {
  const names = info.routes.filter((route) => route.handler.startsWith('view:')).map((route) => route.handler.slice('view:'.length));
  return [...new Set(names)];
}

/** The 1-based line of a position in `text`. */
export function lineAt(text: string, index: number): number {
  return text.slice(0, index).split('\n').length;
}
