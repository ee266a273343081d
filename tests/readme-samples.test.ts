/**
 * The README's sample reports are the kit's own output: each block marked
 * `<!-- sample: npm run grade -- <slug> [flags], with <file> as its view.ts -->` is compared with
 * what grading that file prints, so that no sample drifts from the checks, their points or the
 * report's wording. A block whose last line is `…` shows the start of the output only.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { kitRoot, runKit } from './run-kit.js';

const readme = readFileSync(path.join(kitRoot, 'README.md'), 'utf8');
const marker = /<!-- sample: npm run grade -- (\S+)((?: --[\w-]+)*), with (\S+) as its view\.ts -->\n```text\n([\s\S]*?)\n```/g;
const samples = [...readme.matchAll(marker)].map((match) => ({
  slug: match[1] as string,
  flags: (match[2] ?? '').trim().split(' ').filter(Boolean),
  view: match[3] as string,
  block: match[4] as string,
}));

describe("the README's sample reports", () => {
  it('are marked, so that they are checked', () => {
    expect(samples.length).toBeGreaterThanOrEqual(2);
  });

  it.each(samples.map((sample) => [`${sample.slug} with ${sample.view}`, sample] as const))('%s is what npm run grade prints', (_name, sample) => {
    const target = mkdtempSync(path.join(tmpdir(), 'readme-sample-'));
    mkdirSync(path.join(target, sample.slug));
    cpSync(path.join(kitRoot, sample.view), path.join(target, sample.slug, 'view.ts'));
    const run = runKit(['grade', sample.slug, ...sample.flags, '--target', target]);
    expect(run.status).toBe(0);
    const expected = sample.block.split('\n');
    const printed = run.stdout.trimEnd().split('\n');
    // On a mismatch, the printed report is the text to paste into the README.
    if (expected.at(-1) === '…') expect(printed.slice(0, expected.length - 1).join('\n')).toBe(expected.slice(0, -1).join('\n'));
    else expect(printed.join('\n')).toBe(sample.block);
  });
});
