/** Runs a kit command as a learner would, through the same entry as `npm run`. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const kitRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface KitRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runKit(args: string[], env: Record<string, string> = {}): KitRun {
  const { NO_COLOR: _noColor, FORCE_COLOR: _forceColor, ...inherited } = process.env;
  const result = spawnSync(process.execPath, [path.join(kitRoot, 'grader', 'kit.mjs'), ...args], {
    cwd: kitRoot,
    env: { ...inherited, INIT_CWD: kitRoot, ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
