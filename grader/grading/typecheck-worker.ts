/**
 * Type-checks learners' views in a worker thread, so that loading the TypeScript compiler (about
 * half a second) never holds up the checks' HTTP traffic. The worker lives as long as the grader
 * and hands each program to the next as its old one: the libraries' declarations (Node, Express)
 * are parsed once, and a re-check after a save costs little. Views are only read here, never run.
 */
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import ts from 'typescript';
import type { TypeWarning } from '../results.js';

/** A request to check these files; answered with the same id. */
export interface TypecheckJob {
  id: number;
  files: string[];
}

export interface TypecheckAnswer {
  id: number;
  warnings: Record<string, TypeWarning[]>;
}

const { kitRoot } = workerData as { kitRoot: string };
const modules = path.join(kitRoot, 'node_modules');
const options: ts.CompilerOptions = {
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  target: ts.ScriptTarget.ES2023,
  lib: ['lib.es2023.d.ts'],
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  // A view augments express-session's SessionData without importing it.
  types: ['node', 'express-session'],
  typeRoots: [path.join(modules, '@types')],
  // Views may live anywhere on disk: resolve packages from the kit, as the sandbox does.
  baseUrl: kitRoot,
  paths: {
    'session-kit/users': [path.join(kitRoot, 'grader', 'services', 'users.ts')],
    '*': [path.join(modules, '@types', '*'), path.join(modules, '*')],
  },
};
// The kit's own routes declare session keys too (language, recentPages) that views read.
const kitDeclarations = path.join(kitRoot, 'grader', 'sandbox', 'kit-handlers.ts');
let previous: ts.Program | undefined;

function check(files: string[]): Record<string, TypeWarning[]> {
  const program = ts.createProgram([...files, kitDeclarations], options, undefined, previous);
  previous = program;
  const warnings: Record<string, TypeWarning[]> = {};
  for (const file of files) {
    const source = program.getSourceFile(file);
    if (!source) continue;
    warnings[file] = [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)].map((diagnostic) => {
      const { line, character } = source.getLineAndCharacterOfPosition(diagnostic.start ?? 0);
      return {
        file,
        line: line + 1,
        column: character + 1,
        message: `TS${diagnostic.code}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')}`,
      };
    });
  }
  return warnings;
}

parentPort?.on('message', (job: TypecheckJob) => {
  parentPort?.postMessage({ id: job.id, warnings: check(job.files) } satisfies TypecheckAnswer);
});
