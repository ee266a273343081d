/**
 * A copy of the whole kit in a temporary folder, for commands that change the kit (new-exercise)
 * or must be run from somewhere else: tests never change the kit they run from.
 */
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { kitRoot, type KitRun } from './run-kit.js';

/** What a copy leaves out: history, installs, builds and state are not the kit's sources. */
const notCopied = new Set(['.git', 'node_modules', '.kit-build', '.kit-state', 'bench-results']);

/**
 * Copies the kit's sources to a new temporary folder and gives it the kit's node_modules as a
 * symbolic link (instant; the sandbox allows reading a linked node_modules under both paths).
 */
export function copyKit(): string {
  const copy = path.join(mkdtempSync(path.join(tmpdir(), 'kit-copy-')), 'kit');
  cpSync(kitRoot, copy, { recursive: true, filter: (source) => !notCopied.has(path.relative(kitRoot, source).split(path.sep)[0] ?? '') });
  symlinkSync(path.join(kitRoot, 'node_modules'), path.join(copy, 'node_modules'));
  return copy;
}

/** Runs a command in `root` as `npm run` would, from `root`. */
export function runIn(root: string, args: string[], options: { cwd?: string; timeoutMs?: number } = {}): KitRun {
  const { NO_COLOR: _noColor, FORCE_COLOR: _forceColor, ...inherited } = process.env;
  const cwd = options.cwd ?? root;
  const result = spawnSync(process.execPath, [path.join(root, 'grader', 'kit.mjs'), ...args], {
    cwd,
    env: { ...inherited, INIT_CWD: cwd },
    encoding: 'utf8',
    timeout: options.timeoutMs ?? 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Every file and folder under `root` (builds, state and installs aside), files with a hash of their content. */
export function snapshot(root: string): Map<string, string> {
  const files = new Map<string, string>();
  const visit = (relative: string): void => {
    for (const entry of readdirSync(path.join(root, relative), { withFileTypes: true })) {
      const child = path.join(relative, entry.name);
      if (notCopied.has(child.split(path.sep)[0] ?? '')) continue;
      if (entry.isDirectory()) {
        files.set(`${child}${path.sep}`, 'folder');
        visit(child);
      } else files.set(child, createHash('sha256').update(readFileSync(path.join(root, child))).digest('hex'));
    }
  };
  visit('');
  return files;
}
