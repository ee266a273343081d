/**
 * Turns a learner's `view.ts` into JavaScript the sandbox can run. Types are erased, not checked:
 * a view is graded on what it does, and a type error is only a warning.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { TransformFailure } from 'esbuild';
import type { SourceLocation } from '../sandbox/protocol.js';
import { readView, type ViewRefusal } from './read-view.js';

export type CompileOutcome =
  | { ok: true; code: string }
  | { ok: false; status: 'compile-error'; message: string; location: SourceLocation | null };

/**
 * A view read and compiled, with the text that was compiled (what the grading says of the text
 * must be of the code graded; for a compile error, the line it stopped at), or why not: `missing`
 * when there is no file to read; a refusal when what is there is not a file the grader may read
 * (see `readView`).
 */
export type PreparedView =
  | { ok: true; code: string; source: string }
  | (Exclude<CompileOutcome, { ok: true }> & { source: string })
  | { ok: false; missing: true }
  | { ok: false; status: ViewRefusal; message: string; location: null };

/**
 * esbuild, loaded on first use. Loaded with `require`: its package is CommonJS, which an `import`
 * loads about 15 ms slower, and this is on the way to the first exercise's grade.
 */
const require = createRequire(import.meta.url);
function esbuild(): typeof import('esbuild') {
  return require('esbuild') as typeof import('esbuild');
}

/** This process's children that run esbuild, where the system says (Linux). */
function esbuildChildren(): number[] {
  try {
    return readdirSync('/proc/self/task')
      .flatMap((task) => readFileSync(`/proc/self/task/${task}/children`, 'utf8').trim().split(/\s+/))
      .filter((pid) => pid !== '' && readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'esbuild')
      .map(Number);
  } catch {
    return [];
  }
}

/**
 * Ends esbuild's process, if this one started it, and waits until it is reaped. esbuild's own
 * process does not keep the grader alive, so a grader that ends without this leaves it to the
 * machine's first process: a zombie where that one reaps none (a container's often does not).
 */
export async function stopCompiler(): Promise<void> {
  const loaded = require.cache[require.resolve('esbuild')];
  if (!loaded) return;
  const running = esbuildChildren();
  await (loaded.exports as typeof import('esbuild')).stop();
  // Node reaps the process once it ends, while this process still runs: a second at most.
  for (let waited = 0; waited < 1000 && running.some((pid) => esbuildChildren().includes(pid)); waited += 10) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/**
 * Compiles in esbuild's own process, without blocking this one: the grader keeps talking to other
 * hosts meanwhile (a class is graded several learners at a time).
 */
export async function compileView(source: string, file: string): Promise<CompileOutcome> {
  try {
    const { transform } = esbuild();
    const { code } = await transform(source, {
      loader: 'ts',
      format: 'cjs',
      target: 'node20',
      sourcemap: 'inline',
      sourcefile: file,
      logLevel: 'silent',
    });
    return { ok: true, code };
  } catch (error) {
    const first = (error as Partial<TransformFailure>).errors?.[0];
    if (!first) throw error;
    const location = first.location
      ? { file, line: first.location.line, column: first.location.column + 1 }
      : null;
    return { ok: false, status: 'compile-error', message: `view.ts does not compile: ${first.text}`, location };
  }
}

/**
 * Reads and compiles a view; a missing or refused file is an outcome, not an error. The read is
 * synchronous: a view is a few KiB, less than a file handle of fs/promises costs, and `readView`
 * opens nothing that could block.
 */
export async function prepareView(file: string): Promise<PreparedView> {
  const read = readView(file);
  if (!read.ok) return read.absent ? { ok: false, missing: true } : { ok: false, status: read.status, message: read.message, location: null };
  const compiled = await compileView(read.source, file);
  return { ...compiled, source: read.source };
}
