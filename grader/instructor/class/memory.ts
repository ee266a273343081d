/**
 * The memory a class run really uses: the resident memory of the grader and of every process it
 * started (sandbox hosts, esbuild's service), summed, sampled while the run goes on. Linux only
 * (read from /proc); elsewhere the figure is left out.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** The parent of a process, or null when it is gone. */
function parentOf(pid: string): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The name (field 2) may hold spaces and parentheses: the parent is the 2nd field after it.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1] ?? null;
  } catch {
    return null;
  }
}

/** The resident memory of a process in kB (0 when it is gone). */
function residentKb(pid: string): number {
  try {
    return Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/** The summed resident memory, in bytes, of `root` and all its descendants; null off Linux. */
export function treeResidentBytes(root: number = process.pid): number | null {
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return null;
  }
  const children = new Map<string, string[]>();
  for (const pid of pids) {
    const parent = parentOf(pid);
    if (parent !== null) children.set(parent, [...(children.get(parent) ?? []), pid]);
  }
  let totalKb = 0;
  const stack = [String(root)];
  while (stack.length > 0) {
    const pid = stack.pop() as string;
    totalKb += residentKb(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return totalKb === 0 ? null : totalKb * 1024;
}

/** Samples the tree's memory in the background and keeps the peak. */
export class PeakMemory {
  private peak = 0;
  private readonly timer: NodeJS.Timeout;

  constructor(intervalMs = 500) {
    this.sample();
    this.timer = setInterval(() => this.sample(), intervalMs);
    this.timer.unref();
  }

  private sample(): void {
    const bytes = treeResidentBytes();
    if (bytes !== null) this.peak = Math.max(this.peak, bytes);
  }

  /** The highest sum seen, in bytes (0 where it cannot be read). */
  stop(): number {
    clearInterval(this.timer);
    this.sample();
    return this.peak;
  }
}
