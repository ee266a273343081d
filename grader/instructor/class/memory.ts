/**
 * The memory a class run really uses: the proportional set size (PSS) of the grader and of every
 * process it started (sandbox hosts, esbuild's service), summed, sampled while the run goes on.
 * Resident memory (RSS) would count the pages the Node processes share (Node's own code, the host
 * bundle's) once per process: a class's sum of RSS was about twice what the machine gave it. PSS
 * shares each such page among the processes that map it, so the sum is the memory used. Linux
 * only (read from /proc); where a process's PSS cannot be read, its RSS stands in.
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

/** A figure of `/proc/<pid>/<file>` in kB, or null when it cannot be read. */
function procKb(pid: string, file: string, field: string): number | null {
  try {
    const found = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/${file}`, 'utf8'))?.[1];
    return found === undefined ? null : Number(found);
  } catch {
    return null;
  }
}

/** The memory a process uses in kB, its shared pages divided among their users (0 when it is gone). */
export function processKb(pid: string): number {
  return procKb(pid, 'smaps_rollup', 'Pss') ?? procKb(pid, 'status', 'VmRSS') ?? 0;
}

/** The summed memory (PSS), in bytes, of `root` and all its descendants; null off Linux. */
export function treeMemoryBytes(root: number = process.pid, measure: (pid: string) => number = processKb): number | null {
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
    totalKb += measure(pid);
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
    const bytes = treeMemoryBytes();
    if (bytes !== null) this.peak = Math.max(this.peak, bytes);
  }

  /** The highest sum seen, in bytes (0 where it cannot be read). */
  stop(): number {
    clearInterval(this.timer);
    this.sample();
    return this.peak;
  }
}
