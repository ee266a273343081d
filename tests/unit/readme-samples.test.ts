/**
 * Every sample output in the kit's documents is what the kit prints today: each marked block is
 * made again, by the commands its mark names run on the files it names
 * (grader/instructor/soundness/readme-samples.ts), and must read the same, so that no sample drifts
 * from the checks, their points, the hints or the wording. On a mismatch, the test's "expected"
 * side is the block to paste into the document. The learner's guide carries the samples, which the
 * release makes again in the learner's copy's README.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { blockFor, comparable, printedFor, readmeSamples, sampleName, withSamplesOf, type Sample } from '../../grader/instructor/soundness/readme-samples.js';
import { learnerGuideFile } from '../../grader/instructor/release/readme.js';
import { kitRoot } from '../run-kit.js';

/** The kit's documents: its root's Markdown files and docs/. */
const documents = [
  ...readdirSync(kitRoot).filter((name) => name.endsWith('.md')),
  ...readdirSync(path.join(kitRoot, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
];
const textOf = (document: string): string => readFileSync(path.join(kitRoot, document), 'utf8');
const guide = textOf(learnerGuideFile);
const samples = readmeSamples(guide);
const kit = { root: kitRoot, views: kitRoot };
const ofKind = (kind: Sample['kind']): Sample[] => samples.filter((sample) => sample.kind === kind);

describe("the documents' sample outputs", () => {
  it("are in the learner's guide, each mark one the kit can produce, so that they are checked", () => {
    expect(documents).toContain(learnerGuideFile);
    // Only the guide's samples are made again, here and in a learner's copy: a mark elsewhere would drift unseen.
    expect(documents.filter((document) => document !== learnerGuideFile && /^<!-- sample: /m.test(textOf(document)))).toEqual([]);
    expect(ofKind('grade').length).toBeGreaterThanOrEqual(2);
    expect(ofKind('progress').length).toBeGreaterThanOrEqual(2);
    expect(ofKind('watch').length).toBeGreaterThanOrEqual(1);
    expect(samples.length).toBe(guide.match(/^<!-- sample: /gm)?.length);
    expect(() => readmeSamples('<!-- sample: npm run grade visit-counter -->\n```text\nvisit-counter\n```\n')).toThrow(
      /^the README's "<!-- sample: npm run grade visit-counter -->" is not a sample mark the kit can produce/,
    );
  });

  it.each(samples.map((sample) => [sampleName(sample), sample] as const))('%s', async (_name, sample) => {
    expect(comparable(sample, blockFor(sample, await printedFor(sample, kit)))).toBe(comparable(sample, sample.block));
  });

  it('show no total of the course, nor its length: a new exercise changes no sample', () => {
    for (const sample of samples) {
      // A grade of one exercise totals that exercise alone; a list is shown by its first rows.
      expect(sample.block, sampleName(sample)).not.toMatch(/\b\d+ of (?!1 )\d+ exercises passed|All \d+ exercises passed|\(\d+\/\d+\) · /);
    }
  });

  it("compare a list by its words, not by its columns' widths", () => {
    const list = samples.find((sample) => sample.kind === 'progress' && sample.command[0] === 'list') as Sample;
    const widened = list.block.replace(/^( {3}# {2}exercise)/m, '$1     ').replace(/(favorite-color)( +)/, '$1     $2');
    expect(widened).not.toBe(list.block);
    expect(comparable(list, widened)).toBe(comparable(list, list.block));
    expect(comparable(list, list.block.replace('0/3', '1/3'))).not.toBe(comparable(list, list.block));
  });

  it('are written back in place, with or without their marks, the text between them untouched', async () => {
    // Two samples and the text around them: the blocks made again are the guide's own.
    const [first, second] = [ofKind('progress')[0], ofKind('grade')[1]] as [Sample, Sample];
    const text = `intro\n\n${guide.slice(first.start, first.end)}\n\nbetween\n\n${guide.slice(second.start, second.end)}\n\nend\n`;
    expect(await withSamplesOf(text, kit, true)).toBe(text);
    const unmarked = await withSamplesOf(text, kit, false);
    expect(unmarked).toBe(text.replace(`${first.mark}\n`, '').replace(`${second.mark}\n`, ''));
    expect(unmarked).not.toContain('<!-- sample');
  });
});
