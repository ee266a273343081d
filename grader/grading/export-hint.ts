/**
 * "add `export`": a handler the routes need that the view declares but does not export is the
 * commonest `missing-export`, and the fix is one word. Found in the view's text by the grader;
 * the host's own message is kept, and only this line of the grader's is added.
 */
import type { ExerciseInfo } from '../manifest.js';
import type { ExerciseResult } from '../results.js';
import { lineAt, viewHandlers, viewTextLimit, withoutComments } from './view-text.js';

/** Where `handler` is declared without `export` in front, or null (exported, or not declared at all). */
function unexportedDeclaration(code: string, handler: string): { line: number; column: number; keyword: string } | null {
  const exportedInList = new RegExp(`\\bexport\\s*\\{[^}]*\\b${handler}\\b[^}]*\\}`).test(code);
  if (exportedInList) return null;
  const declaration = new RegExp(`^([ \\t]*)((?:export\\s+)?(?:default\\s+)?)((?:async\\s+)?function\\s*\\*?\\s*|(?:const|let|var)\\s+)${handler}\\b`, 'm').exec(code);
  if (!declaration || (declaration[2] ?? '') !== '') return null;
  const keyword = `${(declaration[3] ?? '').trim().replace(/\s+/g, ' ')} ${handler}`;
  return { line: lineAt(code, declaration.index), column: (declaration[1] ?? '').length + 1, keyword };
}

/** The result of a `missing-export` with "add `export`" for each handler declared without it. */
export function addExportHint(result: ExerciseResult, source: string, info: ExerciseInfo, file: string): ExerciseResult {
  if (result.status !== 'missing-export' || source.length > viewTextLimit) return result;
  const code = withoutComments(source);
  const found = viewHandlers(info).flatMap((handler) => {
    const declaration = unexportedDeclaration(code, handler);
    return declaration ? [{ handler, ...declaration }] : [];
  });
  const [first] = found;
  if (!first) return result;
  const fixes = found.map((entry) => `\`${entry.handler}\` is declared on line ${entry.line} but not exported: add \`export\` before \`${entry.keyword}\``);
  return {
    ...result,
    message: `${result.message ?? 'view.ts does not export a handler the routes need'}; ${fixes.join('; ')}`,
    location: result.location ?? { file, line: first.line, column: first.column },
  };
}
