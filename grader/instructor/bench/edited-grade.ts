/**
 * What the type check costs the learner's most common command: `npm run grade` of one exercise
 * right after its view was saved (so no type check is cached), with and without `--no-typecheck`,
 * side by side in the same rounds, each round starting with the other, so that a machine that
 * slows down for a while slows both alike.
 */
import { spawn } from 'node:child_process';
import { appendFileSync, copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { compileForWarnings } from '../../engine/grading/type-warnings-compiler.js';
import { kitRoot, stateDir } from '../../engine/paths.js';
import { median } from './median.js';

/** Medians, in ms, of the runs of each way. */
export interface EditedGradeFigure {
  slug: string;
  runs: number;
  /** Types on: until the process ends, the type errors printed. */
  typesOnMs: number;
  /** Types on: until the total is printed (the verdicts are all out). */
  typesOnVerdictsMs: number;
  /** `--no-typecheck`: until the process ends. */
  typesOffMs: number;
  /** The type check alone of the same view, edited before each run (TypeScript 7 in its own process). */
  typeCheckAloneMs: number;
  /** typesOnMs / typesOffMs. */
  ratio: number;
}

/** One `grade` of `slug` in a new process: when the total was printed and when the process ended. */
function gradeOnce(target: string, slug: string, extra: string[]): Promise<{ totalMs: number; endMs: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, [path.join(kitRoot, 'grader', 'kit.mjs'), 'grade', slug, '--target', target, ...extra], {
    cwd: kitRoot,
    stdio: ['ignore', 'pipe', 'ignore'],
    env: { ...process.env, NO_COLOR: '1' },
  });
  let output = '';
  let totalMs: number | null = null;
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    output += chunk;
    if (totalMs === null && /^Total: /m.test(output)) totalMs = performance.now() - started;
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      const endMs = performance.now() - started;
      if (code !== 0 || totalMs === null) reject(new Error(`grade ${slug} ${extra.join(' ')} exited with ${code}, printing no total`));
      else resolve({ totalMs, endMs });
    });
  });
}

export async function measureEditedGrade(runs: number, slug = 'visit-counter'): Promise<EditedGradeFigure> {
  const target = path.join(stateDir, 'bench-edited');
  const view = path.join(target, slug, 'view.ts');
  mkdirSync(path.dirname(view), { recursive: true });
  copyFileSync(path.join(kitRoot, 'solutions', slug, 'view.ts'), view);
  let edits = 0;
  // A new line each time, as a learner's save: the type check's cache never has the file.
  const edit = (): void => appendFileSync(view, `// edit ${++edits} at ${Date.now()}\n`);
  const on: { totalMs: number; endMs: number }[] = [];
  const off: number[] = [];
  const alone: number[] = [];
  const typesOn = async (): Promise<void> => {
    edit();
    on.push(await gradeOnce(target, slug, []));
  };
  const typesOff = async (): Promise<void> => {
    edit();
    off.push((await gradeOnce(target, slug, ['--no-typecheck'])).endMs);
  };
  // Warm-up: the build, disk caches.
  await typesOn();
  await typesOff();
  on.length = 0;
  off.length = 0;
  for (let round = 0; round < runs; round++) {
    for (const way of round % 2 === 0 ? [typesOn, typesOff] : [typesOff, typesOn]) await way();
    edit();
    const started = performance.now();
    await compileForWarnings([view]);
    alone.push(performance.now() - started);
  }
  const typesOnMs = median(on.map((run) => run.endMs));
  const typesOffMs = median(off);
  return {
    slug,
    runs,
    typesOnMs,
    typesOnVerdictsMs: median(on.map((run) => run.totalMs)),
    typesOffMs,
    typeCheckAloneMs: median(alone),
    ratio: typesOffMs === 0 ? 0 : typesOnMs / typesOffMs,
  };
}

export function renderEditedGrade(figure: EditedGradeFigure): string {
  const ms = (value: number): string => `${Math.round(value)} ms`;
  return [
    `grade one exercise right after an edit (${figure.slug}, new process, medians of ${figure.runs} runs each, side by side):`,
    `  types on ${ms(figure.typesOnMs)} (verdicts and total printed at ${ms(figure.typesOnVerdictsMs)}), types off ${ms(figure.typesOffMs)}:` +
      ` types on / types off ${figure.ratio.toFixed(2)}x`,
    `  the type check alone (TypeScript 7, one view): ${ms(figure.typeCheckAloneMs)}`,
  ].join('\n');
}
