/**
 * Type warnings: TypeScript 7's report read back file by file, a syntax error in one view not
 * hiding the type errors of the others, and verdicts that never wait for the type check.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { gradeJobs, type GradingJob } from '../../grader/engine/grading/grade.js';
import { compileForWarnings, readDiagnostics } from '../../grader/engine/grading/type-warnings-compiler.js';
import type { ExerciseResult, GradeResult, TypeWarning } from '../../grader/engine/results.js';
import { fakeCourse, submission } from '../fake-course/course.js';
import { copyKit, runIn } from '../kit-copy.js';
import { kitRoot, runKit } from '../run-kit.js';

const made: string[] = [];
afterAll(() => {
  for (const folder of made) rmSync(folder, { recursive: true, force: true });
});

function folderWith(views: Record<string, string>): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'typecheck-'));
  made.push(folder);
  for (const [name, source] of Object.entries(views)) writeFileSync(path.join(folder, name), source);
  return folder;
}

describe("reading the compiler's report", () => {
  const folder = '/kit/typecheck-123';
  const view = '/learner/exercises/theme/view.ts';

  it('names each warning by the file asked about, joins a chained message, and leaves out the files not asked about', () => {
    const output = [
      '../../learner/exercises/theme/view.ts(12,9): error TS2322: Type \'(a: string) => void\' is not assignable to type \'(a: number) => void\'.',
      "  Types of parameters 'a' and 'a' are incompatible.",
      "    Type 'number' is not assignable to type 'string'.",
      '../../kit/grader/engine/sandbox/kit-handlers.ts(3,1): error TS2304: Cannot find name \'nope\'.',
      '  A chained line of a file not asked about.',
      '../../learner/exercises/theme/view.ts(20,3): error TS2554: Expected 1 arguments, but got 2.',
      '',
    ].join('\n');
    expect(readDiagnostics(output, [view, '/learner/exercises/logout/view.ts'], folder)).toEqual({
      [view]: [
        {
          file: view,
          line: 12,
          column: 9,
          message:
            "TS2322: Type '(a: string) => void' is not assignable to type '(a: number) => void'. Types of parameters 'a' and 'a' are incompatible. Type 'number' is not assignable to type 'string'.",
        },
        { file: view, line: 20, column: 3, message: 'TS2554: Expected 1 arguments, but got 2.' },
      ],
      '/learner/exercises/logout/view.ts': [],
    });
  });

  it("throws the compiler's own trouble, a line about no file", () => {
    expect(() => readDiagnostics("error TS5058: The specified path does not exist: 'tsconfig.json'.\n", [view], folder)).toThrow(
      "the type checker could not start: error TS5058: The specified path does not exist: 'tsconfig.json'.",
    );
  });
});

describe('type-checking views with TypeScript 7', () => {
  it("reports a view's type errors with file:line even when another view has a syntax error", async () => {
    const folder = folderWith({
      'typed.ts': "export const count: number = 'one';\n",
      'half-written.ts': 'export function show(req: unknown {\n',
      'fine.ts': 'export const count: number = 1;\n',
    });
    const [typed, halfWritten, fine] = ['typed.ts', 'half-written.ts', 'fine.ts'].map((name) => path.join(folder, name)) as [string, string, string];
    const warnings = await compileForWarnings([typed, halfWritten, fine]);
    expect(warnings[typed]).toEqual([{ file: typed, line: 1, column: 14, message: "TS2322: Type 'string' is not assignable to type 'number'." }]);
    expect(warnings[halfWritten]?.[0]).toMatchObject({ file: halfWritten, line: 1, message: expect.stringMatching(/^TS1005: /) });
    expect(warnings[fine]).toEqual([]);
  });
});

describe('grading with the type check on', () => {
  it('reports every verdict before the type check has answered, and returns the results with its warnings', async () => {
    const jobs: GradingJob[] = fakeCourse
      .filter((exercise) => ['passes', 'fails'].includes(exercise.info.slug))
      .map((exercise) => ({ exercise, file: path.join(submission, exercise.info.slug, 'view.ts') }));
    const warning: TypeWarning = { file: jobs[0]?.file ?? '', line: 4, column: 9, message: 'TS2322: a type error' };
    const streamed: ExerciseResult[] = [];
    let answer: (warnings: Map<string, TypeWarning[]>) => void = () => undefined;
    // This checker answers only once every verdict has been reported: a grading that waited for the
    // types before reporting would never end.
    const checker = (): Promise<Map<string, TypeWarning[]>> => new Promise((resolve) => (answer = resolve));
    const results = await gradeJobs(jobs, {
      limits: { requestTimeoutMs: 2000, exerciseTimeoutMs: 10_000, heapMb: 64 },
      typecheck: true,
      checkTypes: checker,
      onExercise: (result) => {
        streamed.push(result);
        if (streamed.length === jobs.length) answer(new Map([[warning.file, [warning]]]));
      },
    });
    expect(streamed.map((result) => [result.slug, result.status, result.warnings])).toEqual([
      ['passes', 'passed', []],
      ['fails', 'failed', []],
    ]);
    expect(results.map((result) => [result.slug, result.status, result.warnings])).toEqual([
      ['passes', 'passed', [warning]],
      ['fails', 'failed', []],
    ]);
  });
});

describe('npm run grade with type errors', () => {
  const exercises = mkdtempSync(path.join(tmpdir(), 'typed-exercises-'));
  made.push(exercises);
  cpSync(path.join(kitRoot, 'solutions', 'visit-counter'), path.join(exercises, 'visit-counter'), { recursive: true });
  const view = path.join(exercises, 'visit-counter', 'view.ts');
  writeFileSync(view, `${readFileSync(view, 'utf8')}\nexport const visitsWord: number = 'visits';\n`);

  it('prints the verdicts and the total, then the type errors with file:line, and exits as without them', () => {
    const run = runKit(['grade', 'visit-counter', '--target', exercises, '--fail-under', '100']);
    expect(run.status).toBe(0);
    const verdict = run.stdout.indexOf('visit-counter · Visit counter');
    const total = run.stdout.search(/^Total: (\d+)\/\1 \(100%\), 1 of 1 exercises passed$/m);
    const typeErrors = run.stdout.indexOf('Type errors: 1 (they cost no points: you are graded on what your app does)');
    expect([verdict, total, typeErrors].every((at) => at >= 0)).toBe(true);
    expect(verdict < total && total < typeErrors).toBe(true);
    expect(run.stdout.slice(typeErrors)).toMatch(
      new RegExp(`\\n {2}⚠ ${view.replaceAll('.', '\\.')}:\\d+:14 type error TS2322: Type 'string' is not assignable to type 'number'\\.\\n?$`),
    );
  });

  it('carries them in the warnings of --json, one document', () => {
    const run = runKit(['grade', 'visit-counter', '--target', exercises, '--json']);
    expect(run.status).toBe(0);
    const [exercise] = (JSON.parse(run.stdout) as GradeResult).exercises;
    expect(exercise?.status).toBe('passed');
    expect(exercise?.warnings).toEqual([
      { file: view, line: expect.any(Number), column: 14, message: "TS2322: Type 'string' is not assignable to type 'number'." },
    ]);
  });
});

describe('npm run grade where the TypeScript 7 compiler is not installed', () => {
  it('says so in one line, naming what to do, and grades all the same', () => {
    const kit = copyKit();
    const modules = path.join(kit, 'node_modules');
    rmSync(modules);
    mkdirSync(modules);
    for (const name of readdirSync(path.join(kitRoot, 'node_modules'))) {
      if (name !== 'typescript7') symlinkSync(path.join(kitRoot, 'node_modules', name), path.join(modules, name));
    }
    const run = runIn(kit, ['grade', 'visit-counter', '--target', 'solutions']);
    rmSync(path.dirname(kit), { recursive: true, force: true });
    expect(run.status).toBe(0);
    expect(run.stderr).toContain(
      `No type errors shown: the TypeScript 7 compiler (typescript7, @typescript/typescript-${process.platform}-${process.arch}) is not installed: run npm install.`,
    );
    expect(run.stdout).toMatch(/^Total: (\d+)\/\1 \(100%\), 1 of 1 exercises passed$/m);
  });
});
