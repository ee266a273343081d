/**
 * A kit command that keeps running (watch, serve), started as a learner would and read as it
 * prints: tests wait for what a learner waits for on screen.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { kitRoot } from './run-kit.js';

export class LiveKit {
  readonly child: ChildProcess;
  stdout = '';
  stderr = '';
  readonly exited: Promise<number | null>;
  private readonly listeners = new Set<() => void>();

  constructor(args: string[], env: Record<string, string> = {}) {
    const { NO_COLOR: _noColor, FORCE_COLOR: _forceColor, ...inherited } = process.env;
    this.child = spawn(process.execPath, [path.join(kitRoot, 'grader', 'kit.mjs'), ...args], {
      cwd: kitRoot,
      env: { ...inherited, INIT_CWD: kitRoot, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      this.stdout += chunk;
      for (const listener of this.listeners) listener();
    });
    this.child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      this.stderr += chunk;
    });
    this.exited = new Promise((resolve) => this.child.once('exit', (code) => resolve(code)));
  }

  /** Resolves with the time (performance.now()) at which the output first satisfied `done`. */
  waitFor(done: (stdout: string) => boolean, timeoutMs = 15_000, what = 'the expected output'): Promise<number> {
    return new Promise((resolve, reject) => {
      const check = (): void => {
        if (!done(this.stdout)) return;
        cleanup();
        resolve(performance.now());
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`timed out waiting for ${what}; the output so far:\n${this.stdout}\n${this.stderr}`));
      }, timeoutMs);
      const cleanup = (): void => {
        clearTimeout(timer);
        this.listeners.delete(check);
      };
      this.listeners.add(check);
      check();
    });
  }

  /** How many times `pattern` (global) occurs in the output. */
  count(pattern: RegExp): number {
    return (this.stdout.match(pattern) ?? []).length;
  }

  /** Stops it as Ctrl-C would; resolves with the exit code. */
  async interrupt(): Promise<number | null> {
    this.child.kill('SIGINT');
    return this.exited;
  }

  /** Ends it for good (a test that failed half-way must not leave it running). */
  kill(): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
  }
}

/** A learner's copy of the exercises (the stubs) in a temporary folder. */
export function copyOfExercises(): string {
  const copy = mkdtempSync(path.join(tmpdir(), 'learner-exercises-'));
  cpSync(path.join(kitRoot, 'exercises'), copy, { recursive: true });
  return copy;
}

/** A place for a progress file of the test's own. */
export function progressFileForTest(): string {
  return path.join(mkdtempSync(path.join(tmpdir(), 'learner-state-')), 'progress.json');
}

/** The sandbox hosts that a kit process started (its children running the host script), by pid. */
export function hostPids(pid: number): number[] {
  let lines: string[];
  try {
    lines = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(pid)], { encoding: 'utf8' }).split('\n');
  } catch {
    // ps exits 1 when there is no such process.
    return [];
  }
  // Sealed or not, the host's command line names the loader of the host bundle.
  const host = 'host/host-loader.cjs';
  return lines.filter((line) => line.includes(host)).map((line) => Number(line.trim().split(/\s+/)[0]));
}

/** True while a process with this pid runs. */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
