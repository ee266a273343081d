/**
 * What to do about a `missing-export`, found in the view's text by the grader: "add `export`"
 * before a handler declared without it (the commonest case, and a one-word fix), "rename" a
 * function the host took for a typo of the handler's name, and otherwise the function to export,
 * with its signature. The host's own message is kept as the reason; this is the result's `fix`.
 */
import type { ExerciseInfo } from '../course/manifest.js';
import type { ExerciseResult } from '../results.js';
import type { SourceLocation } from '../sandbox/protocol.js';
import { displayPath } from '../paths.js';
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

/** Where a function or variable `name` is declared, exported or not, or null. */
function declarationOf(code: string, name: string): { line: number; column: number } | null {
  const declaration = new RegExp(`^([ \\t]*)(?:export\\s+)?(?:default\\s+)?(?:(?:async\\s+)?function\\s*\\*?\\s*|(?:const|let|var)\\s+)${name}\\b`, 'm').exec(code);
  return declaration ? { line: lineAt(code, declaration.index), column: (declaration[1] ?? '').length + 1 } : null;
}

const identifier = '[A-Za-z_$][\\w$]*';

/**
 * The handlers the host's message names as not exported, each with the exported name it took for
 * a typo of it (`is \`countVisits\` meant to be \`countVisit\`?`), if any. Only the exercise's own
 * handlers count: the message comes from the host, which the grader does not take at its word.
 */
function missingNamed(message: string | null, info: ExerciseInfo): { handler: string; guess: string | null }[] {
  const text = message ?? '';
  const [named = '', guessed = ''] = text.split(/ \((?=is `)/);
  const guesses = new Map<string, string>();
  for (const match of guessed.matchAll(new RegExp(`is \`(${identifier})\` meant to be \`(${identifier})\`\\?`, 'g'))) guesses.set(match[2] as string, match[1] as string);
  return viewHandlers(info)
    .filter((handler) => named.includes(`\`${handler}\``))
    .map((handler) => ({ handler, guess: guesses.get(handler) ?? null }));
}

/**
 * The result of a `missing-export` with its `fix`: for each handler missing, what to change and on
 * which line. A view too long to read as text gets the fix that needs no reading.
 */
export function addExportHint(result: ExerciseResult, source: string, info: ExerciseInfo, file: string): ExerciseResult {
  if (result.status !== 'missing-export') return result;
  const code = source.length > viewTextLimit ? null : withoutComments(source);
  const where = displayPath(file);
  let location: SourceLocation | null = result.location;
  const fixes = missingNamed(result.message, info).map(({ handler, guess }) => {
    const unexported = code === null ? null : unexportedDeclaration(code, handler);
    if (unexported) {
      location ??= { file, line: unexported.line, column: unexported.column };
      return `add \`export\` before \`${unexported.keyword}\` on line ${unexported.line} of ${where}`;
    }
    if (guess !== null) {
      const declared = code === null ? null : declarationOf(code, guess);
      if (!declared) return `rename \`${guess}\` to \`${handler}\` in ${where}`;
      location ??= { file, ...declared };
      return `rename \`${guess}\` to \`${handler}\` on line ${declared.line} of ${where}`;
    }
    return `export the function \`${handler}\` from ${where}, as \`export function ${handler}(req: Request, res: Response): void\``;
  });
  if (fixes.length === 0) return result;
  return { ...result, fix: fixes.join('; '), location };
}
