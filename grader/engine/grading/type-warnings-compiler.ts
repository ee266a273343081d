/**
 * Type-checks learners' views with TypeScript 7, the native compiler (the `typescript7` package),
 * in a process of its own. It checks a view in a quarter to a third of a second, where TypeScript
 * 6, which first loads and parses its own JavaScript and the libraries' declarations, took 1.8 s
 * or more (docs/speed.md, "The type check after an edit"): a grading that waits for the types at its end
 * ends about when its checks do. Views are only read here, never run.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { kitRoot } from '../paths.js';
import type { TypeWarning } from '../results.js';

/** Longer than any view takes; a view written to keep the compiler busy only loses its warnings. */
const compilerTimeoutMs = 60_000;
/** The compiler's report of a view with many errors stays far below this. */
const maxOutputBytes = 4 * 2 ** 20;

const modules = path.join(kitRoot, 'node_modules');

/**
 * The compiler's executable: the `typescript7` package runs it from its platform's package, as
 * found here. Throws, saying what to do, when it is not installed.
 */
export function compilerPath(): string {
  const platform = `@typescript/typescript-${process.platform}-${process.arch}`;
  try {
    const fromKit = createRequire(path.join(kitRoot, 'package.json'));
    const typescript = path.dirname(fromKit.resolve('typescript7/package.json'));
    const binary = process.platform === 'win32' ? 'tsc.exe' : 'tsc';
    const compiler = path.join(path.dirname(createRequire(path.join(typescript, 'package.json')).resolve(`${platform}/package.json`)), 'lib', binary);
    if (existsSync(compiler)) return compiler;
  } catch {
    // Not installed: said below.
  }
  throw new Error(`the TypeScript 7 compiler (typescript7, ${platform}) is not installed: run npm install`);
}

function projectFor(files: string[]): object {
  return {
    compilerOptions: {
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      target: 'es2023',
      lib: ['es2023'],
      module: 'nodenext',
      moduleResolution: 'nodenext',
      // A view may import a file beside it by its own name (`./helper.ts`), as the grader bundles it.
      allowImportingTsExtensions: true,
      // A view augments express-session's SessionData without importing it.
      types: ['node', 'express-session'],
      typeRoots: [path.join(modules, '@types')],
      // Views may live anywhere on disk: resolve packages from the kit, as the sandbox does.
      paths: {
        'session-kit/users': [path.join(kitRoot, 'grader', 'engine', 'services', 'users.ts')],
        '*': [path.join(modules, '@types', '*'), path.join(modules, '*')],
      },
    },
    // The kit's own routes declare session keys too (language, recentPages) that views read.
    files: [...files, path.join(kitRoot, 'grader', 'engine', 'sandbox', 'kit-handlers.ts')],
  };
}

/** `file(line,column): error TS1234: message`, as `--pretty false` writes it; a chained message goes on in indented lines. */
const diagnosticLine = /^(.+)\((\d+),(\d+)\): error (TS\d+): (.*)$/;

/**
 * The compiler's report read back: warnings for the files asked about, by the name they were asked
 * by (the compiler names them relative to its folder, links resolved or not). Lines about other
 * files (the kit's, the libraries') are left out; a line about no file at all is the compiler's own
 * trouble and is thrown.
 */
export function readDiagnostics(output: string, files: string[], folder: string): Record<string, TypeWarning[]> {
  const asked = new Map<string, string>();
  for (const file of files) {
    asked.set(path.resolve(file), file);
    try {
      asked.set(realpathSync(file), file);
    } catch {
      // Gone since it was read: its diagnostics still come under the name asked.
    }
  }
  const warnings: Record<string, TypeWarning[]> = Object.fromEntries(files.map((file) => [file, []]));
  let last: TypeWarning | null = null;
  for (const line of output.split(/\r?\n/)) {
    const match = diagnosticLine.exec(line);
    if (match) {
      const [, name = '', row = '', column = '', code = '', message = ''] = match;
      const file = asked.get(path.resolve(folder, name));
      last = file === undefined ? null : { file, line: Number(row), column: Number(column), message: `${code}: ${message}` };
      if (last) warnings[last.file]?.push(last);
    } else if (/^\s+\S/.test(line)) {
      if (last) last.message += ` ${line.trim()}`;
    } else if (/^error TS\d+:/.test(line)) {
      throw new Error(`the type checker could not start: ${line}`);
    } else if (line.trim() !== '') {
      last = null;
    }
  }
  return warnings;
}

/** Runs the compiler once over `files` and gives each file's type errors. */
async function checkTypesOnce(files: string[], compiler: string): Promise<Record<string, TypeWarning[]>> {
  const folder = mkdtempSync(path.join(tmpdir(), 'kit-typecheck-'));
  try {
    writeFileSync(path.join(folder, 'tsconfig.json'), JSON.stringify(projectFor(files)));
    const output = await new Promise<string>((resolve, reject) => {
      execFile(
        compiler,
        ['-p', 'tsconfig.json', '--pretty', 'false'],
        { cwd: folder, timeout: compilerTimeoutMs, maxBuffer: maxOutputBytes, encoding: 'utf8', windowsHide: true },
        (error, stdout, stderr) => {
          // Exit 1 and 2 mean "errors found"; anything else is the compiler's own failure.
          const code = error && typeof error.code === 'number' ? error.code : error ? null : 0;
          if (code === 0 || code === 1 || code === 2) resolve(stdout);
          else reject(new Error(`the type checker failed: ${(stderr || stdout).trim().split('\n')[0] || error?.message}`));
        },
      );
    });
    return readDiagnostics(output, files, folder);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** Syntax errors have codes below 2000 (TS1005: "',' expected."); type errors, from 2000 on. */
function isSyntaxError(warning: TypeWarning): boolean {
  return /^TS1\d{3}:/.test(warning.message);
}

/**
 * Each file's type errors. The compiler reports no type error at all while any file has a syntax
 * error, so the files without one are checked again without the others: one learner's half-written
 * exercise does not hide the type errors of the rest.
 */
export async function compileForWarnings(files: string[], compiler = compilerPath()): Promise<Record<string, TypeWarning[]>> {
  const first = await checkTypesOnce(files, compiler);
  const rest = files.filter((file) => !first[file]?.some(isSyntaxError));
  if (rest.length === files.length || rest.length === 0) return first;
  return { ...first, ...(await checkTypesOnce(rest, compiler)) };
}
