/**
 * Reading a view's text as text, for what the grader can tell a learner about their code without
 * running it (a stub untouched, a handler without `export`). Never parsed as TypeScript: these
 * are hints about a zero the checks already gave, and none of them can change a score.
 */
import type { ExerciseInfo } from '../course/manifest.js';

/**
 * Longer views are not read as text: a stub is about 1 KiB and a solution a few, and the patterns
 * below must not let a view built for it keep the grader busy (the grader reads the text itself,
 * outside the sandbox, with every learner of a class waiting on it).
 */
export const viewTextLimit = 16 * 1024;

/**
 * The text with its comments blanked out, line breaks kept, so that line numbers still hold. One
 * pass: an unclosed comment runs to the end of the text.
 */
export function withoutComments(source: string): string {
  let text = '';
  let at = 0;
  for (;;) {
    const block = source.indexOf('/*', at);
    const line = source.indexOf('//', at);
    const start = block === -1 ? line : line === -1 ? block : Math.min(block, line);
    if (start === -1) return text + source.slice(at);
    const isBlock = start === block;
    const close = isBlock ? source.indexOf('*/', start + 2) : source.indexOf('\n', start);
    const end = close === -1 ? source.length : isBlock ? close + 2 : close;
    text += source.slice(at, start) + source.slice(start, end).replace(/[^\n]/g, ' ');
    at = end;
  }
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
