/**
 * The sample outputs in a learner's copy's README are that copy's: each is made by running its
 * commands in the copy itself, so the reports show what a learner of the copy sees (its public
 * checks, their points, its list of mistakes), never the instructor's totals. The copy runs from a
 * scratch duplicate with the kit's installed packages linked in, so its build and state never
 * reach the copy. The views the marks name (solutions, known mistakes) are the kit's files: they
 * are graded from a temporary folder, never enter the copy, and the marks, which name them, are
 * left out of it.
 */
import { cpSync, existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { kitRoot } from '../../engine/paths.js';
import { readmeSamples, withSamplesOf } from '../soundness/readme-samples.js';

/** `readme` (the README staged in the copy at `copy`) with each marked sample as the copy prints it, and no marks. */
export async function withCopySamples(readme: string, copy: string): Promise<string> {
  if (readmeSamples(readme).length === 0) return readme;
  const scratch = mkdtempSync(path.join(tmpdir(), 'release-samples-'));
  try {
    const root = path.join(scratch, 'copy');
    cpSync(copy, root, { recursive: true });
    const packages = path.join(kitRoot, 'node_modules');
    if (!existsSync(packages)) throw new Error(`${packages} is missing: run npm install in the kit, whose packages run the copy to make its README's samples`);
    symlinkSync(packages, path.join(root, 'node_modules'));
    return await withSamplesOf(readme, { root, views: kitRoot }, false);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
