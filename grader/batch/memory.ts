/**
 * The memory a class run really uses: the resident memory of the grader and of every process it
 * started (sandbox hosts, esbuild's service), summed, sampled while the run goes on. Linux only
 * (read from /proc); elsewhere the figure is left out.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** The parent and resident memory (kB) of a process, or null when it is gone. */
function processInfo(pid: string): { parent: string; rssKb: number } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The name (field 2) may hold spaces and parentheses: read after its closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const rss = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
    return { parent: fields[1] ?? '', rssKb: rss === undefined ? 0 : Number(rss) };
  } catch {
    return null;
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
  const rss = new Map<string, number>();
  for (const pid of pids) {
    const info = processInfo(pid);
    if (!info) continue;
    rss.set(pid, info.rssKb);
    children.set(info.parent, [...(children.get(info.parent) ?? []), pid]);
  }
  if (!rss.has(String(root))) return null;
  let totalKb = 0;
  const stack = [String(root)];
  while (stack.length > 0) {
    const pid = stack.pop() as string;
    totalKb += rss.get(pid) ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return totalKb * 1024;
}

/** Samples the tree's memory in the background and keeps the peak. */
export class PeakMemory {
  private peak = 0;
  private readonly timer: NodeJS.Timeout;

  constructor(intervalMs = 250) {
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
