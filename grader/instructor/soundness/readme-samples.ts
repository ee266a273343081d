/**
 * Sample outputs in a document, produced by running the kit. A fenced `text` block under a
 * `<!-- sample: … -->` mark is what the commands the mark names print when the views it names are
 * graded. The kit's own tests hold each block of the kit's documents (the learner's guide,
 * `docs/learner-guide.md`, has them) to what the kit prints, and `npm run release` writes the
 * learner's copy's blocks, in its README, by running the same commands in that copy, whose checks
 * are the public ones alone. A sample shows one exercise, or the first rows of the list, so that a
 * new exercise changes none of them. The marks read:
 *
 *   <!-- sample: npm run grade -- <slug> [flags], with <file> as its view.ts -->
 *   <!-- sample: [after grading <slug>=<file> …, ]with <n> hint(s) of <slug> seen -->  (the block opens with `$ npm run …`)
 *   <!-- sample: npm run watch -- <slug> [flags], with <file> as its view.ts; the report -->  (the lines above the status line, which with the keys is a terminal's, with its timings)
 *
 * A line `…` in a block stands for lines left out: the lines before it start the output, the lines
 * after it end it. Files are named from the root of the kit that holds them. The list's columns are
 * as wide as the course's longest slug, so a list is compared with its runs of spaces as one
 * (`comparable`).
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { updateProgress } from '../../outputs/progress.js';
import type { GradeResult } from '../../engine/results.js';

interface Marked {
  /** The mark's line, `<!-- sample: … -->`. */
  mark: string;
  /** The fenced block's text, without its fences. */
  block: string;
  /** Where the mark starts and the closing fence ends in the README's text. */
  start: number;
  end: number;
}

/** A command run on one view: the exercise, the command's flags, and the file graded as its view.ts. */
interface OnView {
  slug: string;
  flags: string[];
  view: string;
}

export type Sample = Marked &
  (
    | (OnView & { kind: 'grade' })
    | (OnView & { kind: 'watch' })
    | { kind: 'progress'; graded: [slug: string, file: string][]; hints: number; hinted: string; command: string[] }
  );

function flagsOf(text: string | undefined): string[] {
  return (text ?? '').trim().split(' ').filter(Boolean);
}

/** The sample that `body` (a mark's text) and `block` describe, or null when the mark is not one of the forms above. */
function sampleOf(body: string, marked: Marked): Sample | null {
  const grade = /^npm run (grade|watch) -- (\S+)((?: --[\w-]+)*), with (\S+) as its view\.ts(; the report)?$/.exec(body);
  if (grade && (grade[1] === 'watch') === (grade[5] !== undefined)) {
    const onView = { slug: grade[2] ?? '', flags: flagsOf(grade[3]), view: grade[4] ?? '' };
    return grade[1] === 'watch' ? { ...marked, ...onView, kind: 'watch' } : { ...marked, ...onView, kind: 'grade' };
  }
  const progress = /^(?:after grading ((?:\S+=\S+ ?)+), )?with (\d+) hints? of (\S+) seen$/.exec(body);
  const command = /^\$ npm run (.*)$/m.exec(marked.block.split('\n')[0] ?? '');
  if (progress && command) {
    return {
      ...marked,
      kind: 'progress',
      graded: flagsOf(progress[1]).map((pair) => pair.split('=') as [string, string]),
      hints: Number(progress[2]),
      hinted: progress[3] ?? '',
      command: (command[1] ?? '').replace(/^(\S+) -- /, '$1 ').split(' '),
    };
  }
  return null;
}

/** The marked samples of `readme`; a mark that is not one of the forms above, or stands over no `text` block, is an error. */
export function readmeSamples(readme: string): Sample[] {
  const samples: Sample[] = [];
  for (const match of readme.matchAll(/<!-- sample: (.*?) -->/g)) {
    const start = match.index;
    const fenced = /^<!-- sample: .*? -->\n```text\n([\s\S]*?)\n```/.exec(readme.slice(start));
    const sample = fenced ? sampleOf(match[1] ?? '', { mark: match[0], block: fenced[1] ?? '', start, end: start + fenced[0].length }) : null;
    if (sample === null) throw new Error(`the README's "${match[0]}" is not a sample mark the kit can produce (grader/instructor/soundness/readme-samples.ts lists the forms), or no \`\`\`text block follows it`);
    samples.push(sample);
  }
  return samples;
}

/** A short name of what `sample` runs. */
export function sampleName(sample: Sample): string {
  if (sample.kind === 'progress') return `npm run ${sample.command.join(' ')}`;
  return `npm run ${sample.kind} -- ${sample.slug} with ${sample.view}`;
}

/** Where samples are produced: the kit (or copy) whose commands run, and the kit whose files the marks name. */
export interface SampleKit {
  root: string;
  views: string;
}

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  /** Stopped once its output was all that was wanted. */
  stopped: boolean;
}

/**
 * Runs a kit command in `root` as `npm run` would, with a clean environment: no colours, no
 * options left by an `npm run` that started this process, progress kept in `progressFile`. With
 * `until`, the command is stopped (as Ctrl-C would) once its output satisfies it.
 */
function runKit(root: string, args: string[], progressFile: string, until?: (stdout: string) => boolean, timeoutMs = 60_000): Promise<Run> {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('npm_') && name !== 'NO_COLOR' && name !== 'FORCE_COLOR'));
  const child = spawn(process.execPath, [path.join(root, 'grader', 'kit.mjs'), ...args], {
    cwd: root,
    env: { ...env, INIT_CWD: root, KIT_PROGRESS_FILE: progressFile },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let timedOut = false;
  let stopped = false;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, timeoutMs);
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    if (!stopped && until?.(stdout)) {
      stopped = true;
      child.kill('SIGINT');
    }
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (status) => {
      clearTimeout(timer);
      if (timedOut) reject(new Error(`npm run ${args.join(' ')} took over ${timeoutMs / 1000} s; it printed:\n${stdout}${stderr}`));
      else resolve({ status, stdout, stderr, stopped });
    });
  });
}

/** The output of a run that must succeed. */
function succeeded(run: Run, args: string[], sample: Sample): string {
  if (run.status === 0 || run.stopped) return run.stdout;
  const why = run.stderr.trim().split('\n')[0] ?? `exit ${run.status}`;
  throw new Error(`npm run ${args.join(' ')} failed, for the README sample "${sample.mark}": ${why}`);
}

/**
 * What the commands of `sample` print, run in `kit.root`: all of it for a grade or a command after
 * gradings (opened with the command line, as the block is), the first report for watch.
 */
export async function printedFor(sample: Sample, kit: SampleKit): Promise<string> {
  const scratch = mkdtempSync(path.join(tmpdir(), 'readme-sample-'));
  const progressFile = path.join(scratch, 'progress.json');
  /** A folder of exercise folders holding the kit's `file` as `<slug>/view.ts`, outside both kits. */
  const folderWith = (slug: string, file: string): string => {
    const target = mkdtempSync(path.join(scratch, 'exercises-'));
    mkdirSync(path.join(target, slug));
    if (!existsSync(path.join(kit.views, file))) throw new Error(`the README sample "${sample.mark}" names ${file}, which ${kit.views} does not hold`);
    cpSync(path.join(kit.views, file), path.join(target, slug, 'view.ts'));
    return target;
  };
  const run = async (args: string[], until?: (stdout: string) => boolean): Promise<string> => succeeded(await runKit(kit.root, args, progressFile, until), args, sample);
  try {
    if (sample.kind === 'grade') return await run(['grade', sample.slug, ...sample.flags, '--target', folderWith(sample.slug, sample.view)]);
    if (sample.kind === 'watch') {
      const firstReport = (stdout: string): boolean => /^watching .* · graded in \d+ ms/m.test(stdout);
      const stdout = await run(['watch', sample.slug, ...sample.flags, '--target', folderWith(sample.slug, sample.view)], firstReport);
      // Piped, watch prints a header, then the report, then its status line.
      return stdout.split('\n\n')[1] ?? '';
    }
    const grades: GradeResult['exercises'] = [];
    for (const [slug, file] of sample.graded) {
      const json = await run(['grade', slug, '--target', folderWith(slug, file), '--json', '--no-typecheck']);
      const [result] = (JSON.parse(json) as GradeResult).exercises;
      if (result) grades.push(result);
    }
    updateProgress((progress) => {
      for (const { slug, status, score, maxScore } of grades) progress.grades[slug] = { status, score, maxScore, gradedAt: new Date().toISOString() };
      if (sample.hints > 0) progress.hintsShown[sample.hinted] = sample.hints;
    }, progressFile);
    // The block opens with the command line as typed.
    return `${sample.block.split('\n')[0] ?? ''}\n${await run(sample.command)}`;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** The block `sample` would show when its commands print `printed`: as many lines before and after its `…` as it has now. */
export function blockFor(sample: Sample, printed: string): string {
  if (sample.kind === 'watch') {
    // The status line and the keys stay as they are: a terminal's, with its timings.
    const terminal = sample.block.indexOf('\n\nwatching ');
    return `${printed.trimEnd()}${terminal === -1 ? '' : sample.block.slice(terminal)}`;
  }
  const lines = printed.trimEnd().split('\n');
  const shown = sample.block.split('\n');
  const gap = shown.indexOf('…');
  if (gap === -1) return lines.join('\n');
  const tail = shown.length - gap - 1;
  return [...lines.slice(0, gap), '…', ...(tail === 0 ? [] : lines.slice(-tail))].join('\n');
}

/**
 * A block as the kit's tests compare it with what the kit prints: as it is, but a list's runs of
 * spaces read as one, since a new exercise with a longer slug widens its columns.
 */
export function comparable(sample: Sample, block: string): string {
  return sample.kind === 'progress' && sample.command[0] === 'list' ? block.replace(/ {2,}/g, ' ') : block;
}

/**
 * `readme` with each sample's block as `kit` prints it; with `keepMarks` false, without the marks,
 * which name files of the kit where the samples were made.
 */
export async function withSamplesOf(readme: string, kit: SampleKit, keepMarks: boolean): Promise<string> {
  let out = '';
  let done = 0;
  for (const sample of readmeSamples(readme)) {
    const block = blockFor(sample, await printedFor(sample, kit));
    out += `${readme.slice(done, sample.start)}${keepMarks ? `${sample.mark}\n` : ''}\`\`\`text\n${block}\n\`\`\``;
    done = sample.end;
  }
  return out + readme.slice(done);
}
