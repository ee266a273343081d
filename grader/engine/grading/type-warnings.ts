/**
 * Type warnings for learners' views. A view is graded on behaviour; its type errors are shown
 * after the verdicts with file:line. Results are cached by file content, so re-grading an
 * unchanged view costs nothing, and the compiler runs in a process of its own beside the checks.
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { kitRoot, stateDir } from '../paths.js';
import type { TypeWarning } from '../results.js';
import { readView, textBeside } from './read-view.js';
import { compileForWarnings } from './type-warnings-compiler.js';

const cacheFile = path.join(stateDir, 'typecheck-cache.json');
/** Bumped when the compiler's options change, so that old entries no longer match. */
const cacheVersion = 'v7';

/** The installed compiler's version, part of every key: an update checks every view again. */
function compilerVersion(): string {
  try {
    const manifest = createRequire(path.join(kitRoot, 'package.json')).resolve('typescript7/package.json');
    return (JSON.parse(readFileSync(manifest, 'utf8')) as { version?: string }).version ?? 'unknown';
  } catch {
    // Not installed: the type check says so when it runs.
    return 'none';
  }
}
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
function keyOf(file: string, compiler: string): string | null {
  const read = readView(file);
  if (!read.ok) return null;
  // The files beside the view, which it may import, change its warnings too.
  return createHash('sha256').update(`${cacheVersion}\0${compiler}\0${file}\0`).update(read.source).update(textBeside(file)).digest('hex');
}

/** The type warnings of each file (files that grading does not read are left out). */
export async function typeWarnings(files: string[]): Promise<Map<string, TypeWarning[]>> {
  const cache = readCache();
  const compiler = compilerVersion();
  const keys = new Map(files.map((file) => [file, keyOf(file, compiler)]));
  const found = new Map<string, TypeWarning[]>();
  const missing: string[] = [];
  for (const [file, key] of keys) {
    if (key === null) continue;
    const cached = cache[key];
    if (cached) found.set(file, cached);
    else missing.push(file);
  }
  if (missing.length === 0) return found;
  const fresh = await compileForWarnings(missing);
  for (const file of missing) {
    const warnings = fresh[file] ?? [];
    found.set(file, warnings);
    cache[keys.get(file) as string] = warnings;
  }
  writeCache(cache);
  return found;
}
