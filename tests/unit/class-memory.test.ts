/**
 * A class run's memory figure: the grader and every process it started, each counted by its
 * proportional set size, so that the pages Node processes share count once in all, not once per
 * process as a sum of resident sizes does.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { processKb, treeMemoryBytes } from '../../grader/instructor/class/memory.js';

const linux = existsSync('/proc/self/smaps_rollup');
const residentKb = (pid: string): number => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);

describe.skipIf(!linux)('the memory of the grader and its processes', () => {
  it('counts every descendant, and the shared pages of two Nodes once: less than their resident sizes summed', async () => {
    // Two Node processes below this one, as a class run's hosts are.
    const children = [0, 1].map(() => spawn(process.execPath, ['-e', 'setTimeout(() => {}, 10_000)'], { stdio: 'ignore' }));
    try {
      await new Promise((resolve) => setTimeout(resolve, 300));
      const pids = [String(process.pid), ...children.map((child) => String(child.pid))];
      expect(treeMemoryBytes(process.pid, () => 1)).toBeGreaterThanOrEqual(3 * 1024);
      for (const pid of pids) expect(processKb(pid)).toBeGreaterThan(0);
      const proportional = pids.reduce((sum, pid) => sum + processKb(pid), 0);
      const resident = pids.reduce((sum, pid) => sum + residentKb(pid), 0);
      expect(proportional).toBeLessThan(resident);
      expect(treeMemoryBytes()).toBeGreaterThanOrEqual(proportional * 1024 * 0.5);
    } finally {
      for (const child of children) child.kill();
    }
  });

  it('is nothing for a process that is gone', () => {
    expect(processKb('999999999')).toBe(0);
  });
});
