/**
 * `npm run bench`: grading speed as users feel it, measured side by side in one run against the
 * floors it cannot beat, so that the ratios hold on a noisy machine. Prints a table and writes the
 * figures to `bench-results/latest.json`.
 *
 * It also measures what sealing the hosts costs: the cold grade, the warm grade and a class at the
 * default isolation level (the best this machine has) and at each lower one down to Node's
 * permission model alone (no sealing by the operating system), alternating in the same rounds.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { loadCourse } from '../../engine/course/course.js';
import { defaultLimits, gradeJobs, HostPool, type GradingJob } from '../../engine/grading/grade.js';
import { kitRoot, stateDir } from '../../engine/paths.js';
import { isolationLevels, isolationLine, isolationSupport, type IsolationLevel } from '../../engine/sandbox/isolation.js';
import { demandIsolation } from '../../engine/sandbox/sandbox.js';
import { measureEditedGrade, type EditedGradeFigure } from './edited-grade.js';
import { generateClass } from './generated-class.js';
import { InProcessHost } from './in-process-host.js';
import { median } from './median.js';

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
  return { name, what, runs: samples.length, medianMs: median(samples), minMs: sorted[0] ?? 0, maxMs: sorted.at(-1) ?? 0 };
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

/** A class graded in one batch: the time, and the peak memory (PSS) the run itself reports. */
export interface ClassFigure {
  learners: number;
  seconds: number;
  perSecond: number;
  /** The proportional set size of the grader and its hosts at the peak, summed: shared pages counted once. */
  peakMemoryMiB: number | null;
  /** The `--isolation` the class was graded at. */
  isolation?: IsolationLevel;
  /** How many runs the figure is the median of. */
  runs?: number;
}

/** One run of `grade --submissions` over `submissions` (a generated class of `size`), as a new process. */
function gradeClassOnce(submissions: string, size: number, level: IsolationLevel): ClassFigure {
  const out = mkdtempSync(path.join(tmpdir(), 'bench-class-out-'));
  try {
    const started = performance.now();
    const run = spawnSync(node, [kit, 'grade', '--submissions', submissions, '--out', path.join(out, 'class'), '--isolation', level], {
      cwd: kitRoot,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    const seconds = (performance.now() - started) / 1000;
    if (run.status !== 0) throw new Error(`grading the generated class at --isolation ${level} failed: ${run.stderr.trim()}`);
    // The run's own figure: the proportional set size (PSS) of the grader and its hosts, summed (`class/memory.ts`).
    const peak = /peak memory (?:\(PSS\) )?(\d+) MiB/.exec(run.stdout)?.[1];
    return { learners: size, seconds, perSecond: size / seconds, peakMemoryMiB: peak === undefined ? null : Number(peak), isolation: level, runs: 1 };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/**
 * The same generated class graded `runs` times at each level, in rounds: each round grades it
 * once at every level, starting at a different level each round, so that neither a machine that
 * slows down for a while nor the place in a round favours a level. Medians of the runs.
 */
function measureClassAtLevels(size: number, levels: IsolationLevel[], runs: number): ClassFigure[] {
  const submissions = generateClass(size);
  try {
    const samples = new Map(levels.map((level) => [level, [] as ClassFigure[]]));
    for (let round = 0; round < runs; round++) {
      for (let step = 0; step < levels.length; step++) {
        const level = levels[(round + step) % levels.length] as IsolationLevel;
        samples.get(level)?.push(gradeClassOnce(submissions, size, level));
        process.stderr.write(`  measured class at ${level} (round ${round + 1} of ${runs})\n`);
      }
    }
    return levels.map((level) => {
      const runsAt = samples.get(level) ?? [];
      const seconds = median(runsAt.map((run) => run.seconds));
      const peaks = runsAt.map((run) => run.peakMemoryMiB).filter((peak): peak is number => peak !== null);
      return {
        learners: size,
        seconds,
        perSecond: median(runsAt.map((run) => run.perSecond)),
        peakMemoryMiB: peaks.length > 0 ? Math.round(median(peaks)) : null,
        isolation: level,
        runs: runsAt.length,
      };
    });
  } finally {
    rmSync(submissions, { recursive: true, force: true });
  }
}

/** One measure at every isolation level compared, in the unit it is read in. */
export interface SealingRow {
  measure: string;
  /** `ms` and `MiB`: lower is better; `per second`: higher is better. */
  unit: 'ms' | 'per second' | 'MiB';
  runs: number;
  values: Partial<Record<IsolationLevel, number | null>>;
}

/** What sealing costs: the default level (`sealed`) and each lower one, against `unsealed`. */
export interface SealingComparison {
  /** The default here: the best level this machine offers. */
  sealed: IsolationLevel;
  /** Node's permission model alone: no sealing by the operating system. */
  unsealed: IsolationLevel;
  /** Every level measured, best first. */
  levels: IsolationLevel[];
  rows: SealingRow[];
}

/**
 * The levels to compare: the best this machine has (the default), every lower one it can really
 * run (`uid` only as root), down to the permission model alone.
 */
async function levelsToCompare(): Promise<IsolationLevel[]> {
  const support = await isolationSupport();
  const best = isolationLevels.indexOf(support.best);
  return isolationLevels.filter((level, index) => index >= best && support.missing[level] === undefined);
}

const unsealed: IsolationLevel = 'permission-model';

/**
 * What sealing costs in a row, against the unsealed level: the ratio, and the cost in percent
 * (negative: a gain): the extra time or memory, or the learners per second lost.
 */
export function sealingCost(row: SealingRow, level: IsolationLevel): { ratio: number; costPercent: number } | null {
  const value = row.values[level];
  const base = row.values[unsealed];
  if (value === null || value === undefined || base === null || base === undefined || base === 0 || value === 0) return null;
  const ratio = value / base;
  return { ratio, costPercent: (row.unit === 'per second' ? 1 - ratio : ratio - 1) * 100 };
}

export interface BenchOptions {
  runs: number;
  classSize: number;
  /** How many times the class is graded at each isolation level. */
  classRuns: number;
}

export interface BenchResult {
  figures: Figure[];
  /** The class at the default isolation level. */
  classFigure: ClassFigure | null;
  /** The class at every level compared. */
  classFigures: ClassFigure[];
  sealing: SealingComparison | null;
  /** `npm run grade` of one exercise right after an edit, types on and off. */
  editedGrade: EditedGradeFigure;
  /** The machine's one-minute load average when the bench started and when it ended: other work on it. */
  load: { start: number; end: number };
}

const coldName = 'grade-all cold, no typecheck';
const warmName = 'grade-all warm, sandbox';

/** A measure's name at a level other than the default. */
function atLevel(name: string, level: IsolationLevel, sealed: IsolationLevel): string {
  return level === sealed ? name : `${name}, --isolation ${level}`;
}

export async function runBench({ runs, classSize, classRuns }: BenchOptions): Promise<BenchResult> {
  const loadAtStart = loadavg()[0] ?? 0;
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
  // The default level (what every command uses unless told) and the lower ones to compare it with.
  demandIsolation(null);
  const levels = await levelsToCompare();
  const sealed = levels[0] ?? unsealed;
  const lower = levels.slice(1);

  const cold: Measure[] = [
    { name: 'node -e 0', what: 'floor: start Node and exit', once: spawnOnce(node, ['-e', '0']), runs },
    { name: 'grade-all cold', what: `node grader/kit.mjs grade --target solutions (${course.length} exercises, new process)`, once: spawnOnce(node, [kit, 'grade', '--target', 'solutions']), runs },
    { name: coldName, what: `the same with --no-typecheck (hosts at ${sealed}, the default here)`, once: spawnOnce(node, [kit, 'grade', '--target', 'solutions', '--no-typecheck']), runs },
    // Right after the default, in the same rounds: what sealing costs a cold grade.
    ...lower.map((level) => ({
      name: atLevel(coldName, level, sealed),
      what: `the same with --isolation ${level}`,
      once: spawnOnce(node, [kit, 'grade', '--target', 'solutions', '--no-typecheck', '--isolation', level]),
      runs,
    })),
    { name: 'npm run grade', what: 'npm run grade -- --target solutions (adds npm\'s own start)', once: spawnOnce('npm', ['run', '--silent', 'grade', '--', '--target', 'solutions']), runs: Math.min(runs, 5) },
    { name: 'grade-one cold', what: 'node grader/kit.mjs grade visit-counter --target solutions', once: spawnOnce(node, [kit, 'grade', 'visit-counter', '--target', 'solutions']), runs },
    { name: 'vitest, one trivial file', what: 'floor: createVitest (threads, isolate: false) running one trivial test, new process', once: vitestFloor(), runs: Math.min(runs, 5) },
  ];
  figures.push(...(await measureInRounds(cold)));
  process.stderr.write(`  measured ${cold.map((entry) => entry.name).join(', ')}, in rounds\n`);
  const editedGrade = await measureEditedGrade(runs);
  process.stderr.write('  measured grade-one right after an edit, types on and off, in rounds\n');
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
  // The warm grade at every level, in rounds: each host of a grading starts at the level demanded.
  const warm: Measure[] = levels.map((level) => ({
    name: atLevel(warmName, level, sealed),
    what: level === sealed ? `the same checks through the sandbox, in a running process (hosts at ${sealed})` : `the same with hosts at ${level}`,
    once: async () => {
      demandIsolation(level === sealed ? null : level);
      try {
        await gradeJobs(solutionJobs, options);
      } finally {
        demandIsolation(null);
      }
    },
    runs,
  }));
  figures.push(...(await measureInRounds(warm)));
  process.stderr.write(`  measured ${warm.map((entry) => entry.name).join(', ')}, in rounds\n`);

  // A class never runs at Node's permission model alone (`class-run.ts`): its figures are the sealed levels'.
  const classFigures = classSize > 0 ? measureClassAtLevels(classSize, levels.filter((level) => level !== unsealed), classRuns) : [];
  const classFigure = classFigures.find((figure) => figure.isolation === sealed) ?? null;

  let sealing: SealingComparison | null = null;
  if (lower.length > 0) {
    const medianOf = (name: string): number | null => figures.find((figure) => figure.name === name)?.medianMs ?? null;
    const classAt = (level: IsolationLevel): ClassFigure | undefined => classFigures.find((figure) => figure.isolation === level);
    const byLevel = (value: (level: IsolationLevel) => number | null): Partial<Record<IsolationLevel, number | null>> =>
      Object.fromEntries(levels.map((level) => [level, value(level)]));
    const rows: SealingRow[] = [
      { measure: 'grade-all cold, no typecheck (new process), median', unit: 'ms', runs, values: byLevel((level) => medianOf(atLevel(coldName, level, sealed))) },
      { measure: 'grade-all warm (running process), median', unit: 'ms', runs, values: byLevel((level) => medianOf(atLevel(warmName, level, sealed))) },
    ];
    if (classFigures.length > 0) {
      rows.push(
        { measure: `class of ${classSize}: learners per second, median`, unit: 'per second', runs: classRuns, values: byLevel((level) => classAt(level)?.perSecond ?? null) },
        { measure: `class of ${classSize}: peak memory (PSS), median`, unit: 'MiB', runs: classRuns, values: byLevel((level) => classAt(level)?.peakMemoryMiB ?? null) },
      );
    }
    sealing = { sealed, unsealed, levels, rows };
  }
  return { figures, classFigure, classFigures, sealing, editedGrade, load: { start: loadAtStart, end: loadavg()[0] ?? 0 } };
}

export function renderClass(figure: ClassFigure): string {
  const memory = figure.peakMemoryMiB === null ? 'peak memory not measured' : `peak memory (PSS) ${figure.peakMemoryMiB} MiB (grader and hosts)`;
  const runs = figure.runs !== undefined && figure.runs > 1 ? `, medians of ${figure.runs} runs` : '';
  const level = figure.isolation ? ` at ${figure.isolation}` : '';
  return `class: ${figure.learners} generated learners (whole kit each)${level} in ${figure.seconds.toFixed(1)} s, ${figure.perSecond.toFixed(2)} per second, ${memory}${runs}`;
}

function formatValue(value: number | null | undefined, unit: SealingRow['unit']): string {
  if (value === null || value === undefined) return '-';
  if (unit === 'ms') return formatMs(value);
  if (unit === 'MiB') return `${Math.round(value)} MiB`;
  return `${value.toFixed(2)}/s`;
}

/** A word of warning when other work shared the machine: its share of the processor moves every figure. */
function busyMachineNote(load: BenchResult['load']): string | null {
  if (load.start <= availableParallelism() / 2) return null;
  return `Other work shared the machine (load average ${load.start.toFixed(1)} on ${availableParallelism()} cores before the bench began): ratios measured side by side still hold, single figures less so.`;
}

/** The sealing table: every level side by side, and each sealed level against the unsealed one. */
export function renderSealing(sealing: SealingComparison, load: BenchResult['load']): string {
  const sealedLevels = sealing.levels.filter((level) => level !== sealing.unsealed);
  const header = ['measure (runs each)', ...sealing.levels, ...sealedLevels.map((level) => `${level} vs ${sealing.unsealed}`)];
  const rows = sealing.rows.map((row) => [
    `${row.measure} (${row.runs})`,
    ...sealing.levels.map((level) => formatValue(row.values[level], row.unit)),
    ...sealedLevels.map((level) => {
      const cost = sealingCost(row, level);
      if (!cost) return '-';
      const sign = cost.costPercent >= 0 ? '+' : '-';
      return `${cost.ratio.toFixed(2)}x, cost ${sign}${Math.abs(cost.costPercent).toFixed(1)}%`;
    }),
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: string[]): string => `| ${cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ')} |`;
  return [
    `Sealing: "sealed" is ${isolationLine[sealing.sealed]}, the default here;`,
    `unsealed is ${sealing.unsealed} (Node's permission model alone, no sealing by the operating system).`,
    'Measured side by side, alternating in rounds. Cost: the extra time or memory, or the learners per second lost (negative: a gain).',
    '',
    line(header),
    line(widths.map((width) => '-'.repeat(width))),
    ...rows.map(line),
    ...[busyMachineNote(load)].filter((text): text is string => text !== null).map((text) => `\n${text}`),
  ].join('\n');
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

/** The load on the machine while it was measured: a bench beside other work is noisier, ratios included. */
export function loadLine({ load }: BenchResult): string {
  return `load average ${load.start.toFixed(1)} at the start, ${load.end.toFixed(1)} at the end, on ${availableParallelism()} cores`;
}

export function writeFigures({ figures, classFigure, classFigures, sealing, editedGrade, load }: BenchResult): string {
  const dir = path.join(kitRoot, 'bench-results');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'latest.json');
  const taken = { takenAt: new Date().toISOString(), machine: machineLine(), load, figures, editedGrade, class: classFigure, classByIsolation: classFigures, sealing };
  writeFileSync(file, `${JSON.stringify(taken, null, 2)}\n`);
  return file;
}
