/**
 * What to change so that an app that never ran does (`neverRan`): the result's `fix`, one line
 * with where, which the report shows under the reason instead of the checks' hints (none of them
 * could apply). Built by the grader from the reason and the text that was compiled, never from
 * what the app printed. A missing or refused file has none: its message already says what to do.
 */
import type { ExerciseInfo } from '../course/manifest.js';
import { neverRan, type ExerciseResult } from '../results.js';
import type { PreparedView } from './compile.js';
import { addExportHint } from './export-hint.js';
import { displayPath } from '../paths.js';

/** A line of the learner's code as the fix quotes it: trimmed, and cut when long. */
function quotedLine(source: string, line: number): string | null {
  const text = (source.split('\n')[line - 1] ?? '').trim();
  if (text === '') return null;
  return `\`${text.length > 100 ? `${text.slice(0, 100)}…` : text}\``;
}

/** Where esbuild stopped, and what the line there reads: the mistake is there or just before it. */
function compileFix(result: ExerciseResult, source: string, file: string): string | null {
  const at = result.location;
  if (!at) return null;
  // A file the view imports: its text is not the one at hand.
  if (at.file !== file) return `correct line ${at.line} of ${displayPath(at.file)} at column ${at.column}, or just before it`;
  const where = displayPath(file);
  if (at.line > source.split('\n').length || /end of file/i.test(result.message ?? '')) {
    return `close what is still open at the end of ${where}: a \`{\`, \`(\`, \`[\`, quote or comment opened earlier is never closed`;
  }
  const code = quotedLine(source, at.line);
  if (code === null) return `correct the lines just before line ${at.line} of ${where}: esbuild stopped on an empty line`;
  return `correct line ${at.line} of ${where} at column ${at.column}, or just before it: ${code}`;
}

/** What runs when the app loads is the code outside the handlers: what to do when it never finished. */
function loadFix(result: ExerciseResult, source: string, file: string): string | null {
  const where = displayPath(file);
  const outside = `the code of ${where} outside the handlers runs once, as the app loads`;
  if (result.status === 'timeout') return `${outside}, and never finished: end the loop there, or move it into a handler`;
  if (result.status === 'out-of-memory') return `${outside}, and used up the memory: look there for a loop that keeps adding to a list or a string`;
  if (result.status !== 'crashed') return null;
  const at = result.location;
  const code = at && at.file === file ? quotedLine(source, at.line) : null;
  if (at && code) return `line ${at.line} of ${where} (${code}) runs as the app loads, outside the handlers: make it stop failing, or move it into a handler`;
  return `${outside}, and stopped the app there: look for what throws or exits, and fix it or move it into a handler`;
}

/** The result with its `fix` when its app never ran; otherwise as it was. */
export function addFix(result: ExerciseResult, view: PreparedView, info: ExerciseInfo, file: string): ExerciseResult {
  if (!neverRan(result) || result.fix || !('source' in view)) return result;
  if (result.status === 'missing-export') return addExportHint(result, view.source, info, file);
  const fix = result.status === 'compile-error' ? compileFix(result, view.source, file) : loadFix(result, view.source, file);
  return fix === null ? result : { ...result, fix };
}
