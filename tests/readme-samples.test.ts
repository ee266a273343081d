/**
 * The README's sample outputs are the kit's own: each block marked with a `<!-- sample: … -->`
 * comment is compared with what the kit prints, so that no sample drifts from the checks, their
 * points, the hints or the wording. Two kinds of marks:
 *
 *   <!-- sample: npm run grade -- <slug> [flags], with <file> as its view.ts -->
 *   <!-- sample: [after grading <slug>=<file> …, ]with <n> hint(s) of <slug> seen -->  (the block opens with `$ npm run …`)
 *   <!-- sample: npm run watch -- <slug> [flags], with <file> as its view.ts; the report -->  (the lines above the status line; that line and the keys are a terminal's, with its timings)
 *
 * A line `…` in a block stands for lines left out: what is before it starts the output, what is
 * after it ends it.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { GradeResult } from '../grader/results.js';
import { LiveKit } from './live-kit.js';
import { kitRoot, runKit } from './run-kit.js';

const readme = readFileSync(path.join(kitRoot, 'README.md'), 'utf8');

/** A folder of exercise folders holding `file` as `<slug>/view.ts`. */
function folderWith(slug: string, file: string): string {
  const target = mkdtempSync(path.join(tmpdir(), 'readme-sample-'));
  mkdirSync(path.join(target, slug));
  cpSync(path.join(kitRoot, file), path.join(target, slug, 'view.ts'));
  return target;
}

/** Whether `printed` is what `block` shows, `…` lines standing for lines left out. */
function expectShown(printed: string, block: string): void {
  const lines = printed.trimEnd().split('\n');
  const shown = block.split('\n');
  const gap = shown.indexOf('…');
  if (gap === -1) return void expect(lines.join('\n')).toBe(block);
  const head = shown.slice(0, gap);
  const tail = shown.slice(gap + 1);
  // On a mismatch, the printed output is the text to paste into the README.
  expect(lines.slice(0, head.length).join('\n')).toBe(head.join('\n'));
  expect(tail.length === 0 ? '' : lines.slice(-tail.length).join('\n')).toBe(tail.join('\n'));
}

const gradeSamples = [...readme.matchAll(/<!-- sample: npm run grade -- (\S+)((?: --[\w-]+)*), with (\S+) as its view\.ts -->\n```text\n([\s\S]*?)\n```/g)].map((match) => ({
  slug: match[1] as string,
  flags: (match[2] ?? '').trim().split(' ').filter(Boolean),
  view: match[3] as string,
  block: match[4] as string,
}));

const progressSamples = [...readme.matchAll(/<!-- sample: (?:after grading ((?:\S+=\S+ ?)+), )?with (\d+) hints? of (\S+) seen -->\n```text\n\$ npm run (.*)\n([\s\S]*?)\n```/g)].map((match) => ({
  graded: (match[1] ?? '').trim().split(' ').filter(Boolean).map((pair) => pair.split('=') as [string, string]),
  hints: Number(match[2]),
  hinted: match[3] as string,
  command: (match[4] as string).replace(/^(\S+) -- /, '$1 ').split(' '),
  block: match[5] as string,
}));

const watchSamples = [...readme.matchAll(/<!-- sample: npm run watch -- (\S+)((?: --[\w-]+)*), with (\S+) as its view\.ts; the report -->\n```text\n([\s\S]*?)\n```/g)].map((match) => ({
  slug: match[1] as string,
  flags: (match[2] ?? '').trim().split(' ').filter(Boolean),
  view: match[3] as string,
  report: (match[4] as string).split(/\n\nwatching /)[0] as string,
}));

describe("the README's sample outputs", () => {
  it('are marked, so that they are checked', () => {
    expect(gradeSamples.length).toBeGreaterThanOrEqual(2);
    expect(progressSamples.length).toBeGreaterThanOrEqual(2);
    expect(watchSamples.length).toBeGreaterThanOrEqual(1);
  });

  it.each(watchSamples.map((sample) => [`${sample.slug} with ${sample.view}`, sample] as const))('npm run watch -- %s', async (_name, sample) => {
    const kit = new LiveKit(['watch', sample.slug, ...sample.flags, '--target', folderWith(sample.slug, sample.view)]);
    try {
      await kit.waitFor((out) => /^watching .* · graded in \d+ ms/m.test(out), 20_000, 'the first report');
    } finally {
      kit.kill();
    }
    // Piped, watch prints a header, then the report, then its status line.
    const report = kit.stdout.split('\n\n')[1] ?? '';
    expect(report).toBe(sample.report);
  });

  it.each(gradeSamples.map((sample) => [`${sample.slug} with ${sample.view}`, sample] as const))('npm run grade -- %s', (_name, sample) => {
    const run = runKit(['grade', sample.slug, ...sample.flags, '--target', folderWith(sample.slug, sample.view)]);
    expect(run.status).toBe(0);
    expectShown(run.stdout, sample.block);
  });

  it.each(progressSamples.map((sample) => [sample.command.join(' '), sample] as const))('npm run %s', (_name, sample) => {
    // The progress the sample describes, recorded from real gradings of the files it names.
    const grades = Object.fromEntries(
      sample.graded.map(([slug, file]) => {
        const [result] = (JSON.parse(runKit(['grade', slug, '--target', folderWith(slug, file), '--json', '--no-typecheck']).stdout) as GradeResult).exercises;
        return [slug, { status: result?.status, score: result?.score, maxScore: result?.maxScore, gradedAt: new Date().toISOString() }];
      }),
    );
    const progress = path.join(mkdtempSync(path.join(tmpdir(), 'readme-progress-')), 'progress.json');
    writeFileSync(progress, JSON.stringify({ version: 1, grades, hintsShown: sample.hints > 0 ? { [sample.hinted]: sample.hints } : {} }));
    const run = runKit(sample.command, { KIT_PROGRESS_FILE: progress });
    expect(run.status).toBe(0);
    expectShown(run.stdout, sample.block);
  });
});
