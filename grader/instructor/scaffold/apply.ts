/**
 * Writes a set of changes to the kit whole or not at all. Everything is first written to a staging
 * folder on the same disk; then each new folder (or file) is moved into place with one rename, and
 * each rewritten file replaced with one rename. When a move fails, the moves already made are
 * undone, so a half-made exercise never lands in the kit.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface Changes {
  /** New files, by path from the root; none of them may exist yet. */
  created: Record<string, string>;
  /** Existing files to replace, by path from the root, with their new text. */
  rewritten: Record<string, string>;
}

/**
 * The paths to move for `created`: for each file, its shallowest ancestor that does not exist yet,
 * so that a new exercise folder (or a new `solutions/<slug>/mistakes/`) lands with one rename.
 */
export function newRoots(root: string, created: string[]): string[] {
  const roots = new Set<string>();
  for (const file of created) {
    if (existsSync(path.join(root, file))) throw new Error(`${file} exists already`);
    let top = file;
    while (path.dirname(top) !== '.' && !existsSync(path.join(root, path.dirname(top)))) top = path.dirname(top);
    roots.add(top);
  }
  return [...roots];
}

/** Applies `changes` under `root`, staging in a new folder under `stagingParent` (same disk). */
export function applyAllOrNothing(root: string, stagingParent: string, changes: Changes): void {
  const roots = newRoots(root, Object.keys(changes.created));
  mkdirSync(stagingParent, { recursive: true });
  const staging = mkdtempSync(path.join(stagingParent, 'staging-'));
  const moved: string[] = [];
  const replaced: { file: string; original: string }[] = [];
  try {
    for (const [file, text] of Object.entries(changes.created)) {
      mkdirSync(path.dirname(path.join(staging, 'created', file)), { recursive: true });
      writeFileSync(path.join(staging, 'created', file), text);
    }
    const rewrites = Object.entries(changes.rewritten).map(([file, text], index) => {
      const staged = path.join(staging, `rewritten-${index}`);
      writeFileSync(staged, text);
      return { file, staged };
    });
    for (const top of roots) {
      renameSync(path.join(staging, 'created', top), path.join(root, top));
      moved.push(top);
    }
    for (const { file, staged } of rewrites) {
      const original = readFileSync(path.join(root, file), 'utf8');
      renameSync(staged, path.join(root, file));
      replaced.push({ file, original });
    }
  } catch (error) {
    for (const top of moved.reverse()) rmSync(path.join(root, top), { recursive: true, force: true });
    for (const { file, original } of replaced.reverse()) writeFileSync(path.join(root, file), original);
    throw error;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
