/**
 * `npm run bench`: grading speed as users feel it, measured side by side in one run against the
 * floors it cannot beat, so that the ratios hold on a noisy machine. Prints a table and writes the
 * figures to `bench-results/latest.json`.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { loadCourse } from '../course.js';
import { defaultLimits, gradeJobs, HostPool, type GradingJob } from '../grading/grade.js';
import { kitRoot, stateDir } from '../paths.js';
import { generateClass } from './generated-class.js';
import { InProcessHost } from './in-process-host.js';

export interface Figure {
  name: string;
  what: string;
  runs: number;
  medianMs: number;
  minMs: number;
  maxMs: number;
}

function summarise(name: string, what: string, samples: number[]): Figure {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  const median = sorted.length % 2 === 1 ? (sorted[Math.floor(middle)] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
  return { name, what, runs: samples.length, medianMs: median, minMs: sorted[0] ?? 0, maxMs: sorted.at(-1) ?? 0 };
}

async function measure(runs: number, once: () => unknown, prepare?: () => Promise<unknown>): Promise<number[]> {
  await once(); // warm-up: disk caches, the build, the type-check cache
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) {
    // What happens between two runs (a learner typing) is not timed.
    await prepare?.();
    const started = performance.now();
    await once();
    samples.push(performance.now() - started);
  }
  return samples;
}

interface Measure {
  name: string;
  what: string;
  once: () => unknown;
  runs: number;
}

/**
 * Measures several commands in rounds, each round running each once: a machine that slows down
 * for a while slows them all alike, so their ratios hold.
 */
async function measureInRounds(measures: Measure[]): Promise<Figure[]> {
  const samples = measures.map(() => [] as number[]);
  for (const { once } of measures) await once(); // warm-up: disk caches, the build, the type-check cache
  const rounds = Math.max(...measures.map((entry) => entry.runs));
  for (let round = 0; round < rounds; round++) {
    for (const [index, entry] of measures.entries()) {
      if (round >= entry.runs) continue;
      const started = performance.now();
      await entry.once();
      samples[index]?.push(performance.now() - started);
    }
  }
  return measures.map((entry, index) => summarise(entry.name, entry.what, samples[index] ?? []));
}

function spawnOnce(command: string, args: string[]): () => void {
  return () => {
    const result = spawnSync(command, args, { cwd: kitRoot, stdio: 'ignore', env: { ...process.env, NO_COLOR: '1' } });
    if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${result.status}`);
  };
}

const kit = path.join(kitRoot, 'grader', 'kit.mjs');
const node = process.execPath;

/** A trivial vitest file, run the way an embedded vitest would run a check file. */
function vitestFloor(): () => void {
  const dir = path.join(stateDir, 'bench-floor');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'trivial.test.mjs'), "import { test, expect } from 'vitest';\ntest('t', () => expect(1).toBe(1));\n");
  const script = [
    "const { createVitest } = await import('vitest/node');",
    `const vitest = await createVitest('test', { root: ${JSON.stringify(dir)}, pool: 'threads', isolate: false, watch: false, reporters: [], config: false, include: ['trivial.test.mjs'] });`,
    'await vitest.start();',
    'await vitest.close();',
  ].join('\n');
  return spawnOnce(node, ['--input-type=module', '-e', script]);
}

/** A class graded in one batch: the time, and the peak memory the run itself reports. */
export interface ClassFigure {
  learners: number;
  seconds: number;
  perSecond: number;
  peakMemoryMiB: number | null;
}

function measureClass(size: number): ClassFigure {
  const submissions = generateClass(size);
  const out = mkdtempSync(path.join(tmpdir(), 'bench-class-out-'));
  try {
    const started = performance.now();
    const run = spawnSync(node, [kit, 'grade', '--submissions', submissions, '--out', path.join(out, 'class')], {
      cwd: kitRoot,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    const seconds = (performance.now() - started) / 1000;
    if (run.status !== 0) throw new Error(`grading the generated class failed: ${run.stderr.trim()}`);
    const peak = /peak memory (\d+) MiB/.exec(run.stdout)?.[1];
    return { learners: size, seconds, perSecond: size / seconds, peakMemoryMiB: peak === undefined ? null : Number(peak) };
  } finally {
    rmSync(submissions, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
  }
}

export async function runBench(runs: number, classSize: number): Promise<{ figures: Figure[]; classFigure: ClassFigure | null }> {
  const course = await loadCourse();
  const solutionJobs: GradingJob[] = course.map((exercise) => ({
    exercise,
    file: path.join(kitRoot, 'solutions', exercise.info.slug, 'view.ts'),
  }));
  const one = solutionJobs.filter((job) => job.exercise.info.slug === 'visit-counter');
  const options = { limits: defaultLimits, typecheck: false };
  const figures: Figure[] = [];
  const add = async (name: string, what: string, once: () => unknown, count = runs, prepare?: () => Promise<unknown>): Promise<void> => {
    figures.push(summarise(name, what, await measure(count, once, prepare)));
    process.stderr.write(`  measured ${name}\n`);
  };

  const cold: Measure[] = [
    { name: 'node -e 0', what: 'floor: start Node and exit', once: spawnOnce(node, ['-e', '0']), runs },
    { name: 'grade-all cold', what: `node grader/kit.mjs grade --target solutions (${course.length} exercises, new process)`, once: spawnOnce(node, [kit, 'grade', '--target', 'solutions']), runs },
    { name: 'grade-all cold, no typecheck', what: 'the same with --no-typecheck', once: spawnOnce(node, [kit, 'grade', '--target', 'solutions', '--no-typecheck']), runs },
    { name: 'npm run grade', what: 'npm run grade -- --target solutions (adds npm\'s own start)', once: spawnOnce('npm', ['run', '--silent', 'grade', '--', '--target', 'solutions']), runs: Math.min(runs, 5) },
    { name: 'grade-one cold', what: 'node grader/kit.mjs grade visit-counter --target solutions', once: spawnOnce(node, [kit, 'grade', 'visit-counter', '--target', 'solutions']), runs },
    { name: 'vitest, one trivial file', what: 'floor: createVitest (threads, isolate: false) running one trivial test, new process', once: vitestFloor(), runs: Math.min(runs, 5) },
  ];
  figures.push(...(await measureInRounds(cold)));
  process.stderr.write(`  measured ${cold.map((entry) => entry.name).join(', ')}, in rounds\n`);
  await add('grade-one warm, new host', 'visit-counter re-graded in a running process, starting a sandbox host', () => gradeJobs(one, options));
  const pool = HostPool.sandboxes(defaultLimits.heapMb);
  await add(
    'grade-one warm, ready host',
    'visit-counter re-graded with a fresh host started while the learner typed (watch mode)',
    () => gradeJobs(one, { ...options, pool }),
    runs,
    async () => {
      await pool.recycle();
      await pool.get();
    },
  );
  await pool.close();
  await add('grade-all in-process', 'floor: the same checks against apps in the grader\'s process, no isolation', () =>
    gradeJobs(solutionJobs, { ...options, pool: new HostPool(InProcessHost.start) }),
  );
  await add('grade-all warm, sandbox', 'the same checks through the sandbox, in a running process', () => gradeJobs(solutionJobs, options));
  const classFigure = classSize > 0 ? measureClass(classSize) : null;
  if (classFigure) process.stderr.write('  measured class\n');
  return { figures, classFigure };
}

export function renderClass(figure: ClassFigure): string {
  const memory = figure.peakMemoryMiB === null ? 'peak memory not measured' : `peak memory ${figure.peakMemoryMiB} MiB (grader and hosts)`;
  return `class: ${figure.learners} generated learners (whole kit each) in ${figure.seconds.toFixed(1)} s, ${figure.perSecond.toFixed(2)} per second, ${memory}`;
}

function formatMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`;
}

export function renderFigures(figures: Figure[]): string {
  const floor = figures.find((figure) => figure.name === 'node -e 0')?.medianMs ?? 1;
  const rows = figures.map((figure) => [
    figure.name,
    formatMs(figure.medianMs),
    formatMs(figure.minMs),
    formatMs(figure.maxMs),
    `${(figure.medianMs / floor).toFixed(1)}x`,
    String(figure.runs),
  ]);
  const header = ['measure', 'median', 'min', 'max', 'vs node -e 0', 'runs'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: string[]): string => `| ${cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ')} |`;
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}

export function machineLine(): string {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  return `${availableParallelism()} cores (${cpu}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.versions.node}, ${process.platform}`;
}

export function writeFigures(figures: Figure[], classFigure: ClassFigure | null): string {
  const dir = path.join(kitRoot, 'bench-results');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'latest.json');
  writeFileSync(file, `${JSON.stringify({ takenAt: new Date().toISOString(), machine: machineLine(), figures, class: classFigure }, null, 2)}\n`);
  return file;
}
