/**
 * Every sample output in the kit's README is what the kit prints today: each marked block is made
 * again, by the commands its mark names run on the files it names (grader/readme-samples.ts), and
 * must read the same, so that no sample drifts from the checks, their points, the hints or the
 * wording. On a mismatch, the test's "expected" side is the block to paste into the README.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { blockFor, printedFor, readmeSamples, sampleName, withSamplesOf, type Sample } from '../../grader/instructor/soundness/readme-samples.js';
import { kitRoot } from '../run-kit.js';

const readme = readFileSync(path.join(kitRoot, 'README.md'), 'utf8');
const samples = readmeSamples(readme);
const kit = { root: kitRoot, views: kitRoot };
const ofKind = (kind: Sample['kind']): Sample[] => samples.filter((sample) => sample.kind === kind);

describe("the README's sample outputs", () => {
  it('are marked, each mark one the kit can produce, so that they are checked', () => {
    expect(ofKind('grade').length).toBeGreaterThanOrEqual(2);
    expect(ofKind('progress').length).toBeGreaterThanOrEqual(2);
    expect(ofKind('watch').length).toBeGreaterThanOrEqual(1);
    expect(samples.length).toBe(readme.split('<!-- sample:').length - 1);
    expect(() => readmeSamples('<!-- sample: npm run grade visit-counter -->\n```text\nvisit-counter\n```\n')).toThrow(
      /^the README's "<!-- sample: npm run grade visit-counter -->" is not a sample mark the kit can produce/,
    );
  });

  it.each(samples.map((sample) => [sampleName(sample), sample] as const))('%s', async (_name, sample) => {
    expect(blockFor(sample, await printedFor(sample, kit))).toBe(sample.block);
  });

  it('are written back in place, with or without their marks, the text between them untouched', async () => {
    // Two samples and the text around them: the blocks made again are the README's own.
    const [first, second] = [ofKind('progress')[0], ofKind('grade')[1]] as [Sample, Sample];
    const text = `intro\n\n${readme.slice(first.start, first.end)}\n\nbetween\n\n${readme.slice(second.start, second.end)}\n\nend\n`;
    expect(await withSamplesOf(text, kit, true)).toBe(text);
    const unmarked = await withSamplesOf(text, kit, false);
    expect(unmarked).toBe(text.replace(`${first.mark}\n`, '').replace(`${second.mark}\n`, ''));
    expect(unmarked).not.toContain('<!-- sample');
  });
});
