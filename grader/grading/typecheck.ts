/**
 * Type warnings for learners' views. A view is graded on behaviour; its type errors are shown
 * beside the verdict with file:line. Results are cached by file content, so re-grading an
 * unchanged view costs nothing, and the compiler runs in a worker thread beside the checks.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { buildDirName, kitRoot, stateDir } from '../paths.js';
import type { TypeWarning } from '../results.js';
import { readView } from './read-view.js';
import type { TypecheckAnswer, TypecheckJob } from './typecheck-worker.js';

const cacheFile = path.join(stateDir, 'typecheck-cache.json');
const workerScript = path.join(kitRoot, buildDirName, 'grader', 'grading', 'typecheck-worker.js');
/** Bumped when the compiler options change, so that old entries no longer match. */
const cacheVersion = 'v4';
/** Entries kept; the oldest go first. */
const cacheLimit = 1000;

type Cache = Record<string, TypeWarning[]>;

function readCache(): Cache {
  try {
    const parsed: unknown = JSON.parse(readFileSync(cacheFile, 'utf8'));
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Cache) : {};
  } catch {
    // A missing or damaged cache only costs time.
    return {};
  }
}

function writeCache(cache: Cache): void {
  try {
    mkdirSync(stateDir, { recursive: true });
    const staging = `${cacheFile}.${process.pid}`;
    const entries = Object.entries(cache);
    writeFileSync(staging, JSON.stringify(Object.fromEntries(entries.slice(-cacheLimit))));
    renameSync(staging, cacheFile);
  } catch {
    // A read-only kit still grades; it only type-checks again next time.
  }
}

/** Null for a file grading will not read (missing, a FIFO, a link out, too large): it is not type-checked either. */
function keyOf(file: string): string | null {
  const read = readView(file);
  if (!read.ok) return null;
  return createHash('sha256').update(`${cacheVersion}\0${file}\0`).update(read.source).digest('hex');
}

/**
 * The one type-checking worker of this process, started on first use and kept for later checks
 * (watch mode checks after every save). It does not keep the process alive by itself.
 */
let worker: Worker | null = null;
let nextJob = 1;
const pending = new Map<number, { resolve: (warnings: Record<string, TypeWarning[]>) => void; reject: (error: Error) => void }>();

function failAll(error: Error): void {
  for (const job of pending.values()) job.reject(error);
  pending.clear();
  worker = null;
}

function runWorker(files: string[]): Promise<Record<string, TypeWarning[]>> {
  if (!worker) {
    worker = new Worker(workerScript, { workerData: { kitRoot } });
    worker.unref();
    worker.on('message', (answer: TypecheckAnswer) => {
      const job = pending.get(answer.id);
      pending.delete(answer.id);
      job?.resolve(answer.warnings);
      if (pending.size === 0) worker?.unref();
    });
    worker.on('error', (error) => failAll(error));
    worker.on('exit', (code) => failAll(new Error(`the type checker stopped with code ${code}`)));
  }
  const id = nextJob++;
  // Held while a job is out, so that the process waits for the answer.
  worker.ref();
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    worker?.postMessage({ id, files } satisfies TypecheckJob);
  });
}

/** The type warnings of each file (files that grading does not read are left out). */
export async function typeWarnings(files: string[]): Promise<Map<string, TypeWarning[]>> {
  const cache = readCache();
  const keys = new Map(files.map((file) => [file, keyOf(file)]));
  const found = new Map<string, TypeWarning[]>();
  const missing: string[] = [];
  for (const [file, key] of keys) {
    if (key === null) continue;
    const cached = cache[key];
    if (cached) found.set(file, cached);
    else missing.push(file);
  }
  if (missing.length === 0) return found;
  const fresh = await runWorker(missing);
  for (const file of missing) {
    const warnings = fresh[file] ?? [];
    found.set(file, warnings);
    cache[keys.get(file) as string] = warnings;
  }
  writeCache(cache);
  return found;
}
