/**
 * A learner presses Ctrl-C while their handler loops: the grader ends, and so does the host, at
 * every level. Unsealed hosts run in a session of their own, which the terminal's SIGINT does not
 * reach, and a host stuck in a loop never reads that its channel closed.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hostPids, isRunning } from '../live-kit.js';
import { kitRoot } from '../run-kit.js';

const target = mkdtempSync(path.join(tmpdir(), 'interrupted-'));
mkdirSync(path.join(target, 'visit-counter'));
copyFileSync(path.join(kitRoot, 'tests', 'hostile', 'loops-in-handler.ts'), path.join(target, 'visit-counter', 'view.ts'));
afterAll(() => rmSync(target, { recursive: true, force: true }));

async function until(condition: () => boolean, what: string, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('a grade interrupted while the handler loops', () => {
  it.each(['permission-model', 'uid', 'bwrap'])('at %s, ends with its host', async (level) => {
    const args = [path.join(kitRoot, 'grader', 'kit.mjs'), 'grade', 'visit-counter', '--target', target, '--isolation', level, '--no-typecheck'];
    const grader = spawn(process.execPath, [...args, '--request-timeout', '60', '--exercise-timeout', '120'], { cwd: kitRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    grader.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => grader.once('exit', (code) => resolve(code)));
    const pid = grader.pid as number;
    const first = await Promise.race([exited.then(() => 'exited' as const), until(() => hostPids(pid).length > 0, 'a host').then(() => 'host' as const)]);
    // A level this machine lacks is refused in one line before any host starts: nothing to interrupt.
    if (first === 'exited') {
      expect(stderr).toMatch(/isolation/);
      return;
    }
    const hosts = hostPids(pid);
    // Long enough for the looping request to be under way.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    grader.kill('SIGINT');
    await exited;
    try {
      await until(() => hosts.every((host) => !isRunning(host)), 'the host to end', 5000);
    } finally {
      // A host left spinning would hold a core for the rest of the suite.
      for (const host of hosts.filter(isRunning)) process.kill(host, 'SIGKILL');
    }
  });
});
