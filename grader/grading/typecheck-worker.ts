/**
 * Type-checks learners' views in a worker thread, so that loading the TypeScript compiler (about
 * half a second) never holds up the checks' HTTP traffic. Views are only read here, never run.
 */
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import ts from 'typescript';
import type { TypeWarning } from '../results.js';

interface Job {
  files: string[];
  kitRoot: string;
}

function optionsFor(kitRoot: string): ts.CompilerOptions {
  const modules = path.join(kitRoot, 'node_modules');
  return {
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
}

function check({ files, kitRoot }: Job): Record<string, TypeWarning[]> {
  // The kit's own routes declare session keys too (theme, cart) that views read.
  const kitDeclarations = path.join(kitRoot, 'grader', 'sandbox', 'kit-handlers.ts');
  const program = ts.createProgram([...files, kitDeclarations], optionsFor(kitRoot));
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

parentPort?.postMessage(check(workerData as Job));
