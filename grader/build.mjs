// Keeps `.kit-build/` a current JavaScript build of `grader/`, so that every command starts as
// plain Node (no TypeScript compiler at run time). Rebuilt only when a source file changed.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const kitRoot = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const sourceDir = path.join(kitRoot, 'grader');
const buildDir = path.join(kitRoot, '.kit-build');
const stampFile = path.join(buildDir, 'stamp');

/** @returns {string[]} the TypeScript sources of the grader, sorted */
function sources(dir = sourceDir) {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return sources(full);
      return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [full] : [];
    })
    .sort();
}

/** @param {string[]} files */
function fingerprint(files) {
  const hash = createHash('sha256');
  for (const file of files) {
    const { mtimeMs, size } = statSync(file);
    hash.update(`${file}\0${mtimeMs}\0${size}\n`);
  }
  return hash.digest('hex');
}

/** Builds `.kit-build/grader/` unless it is already current. */
export async function ensureBuilt() {
  const files = sources();
  const stamp = fingerprint(files);
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) return;
  const { build } = await import('esbuild');
  const staging = path.join(buildDir, `grader.${process.pid}`);
  await build({
    entryPoints: files,
    outdir: staging,
    outbase: sourceDir,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: 'inline',
    logLevel: 'error',
  });
  // Swap the whole folder, so that a file deleted from grader/ is gone from the build too.
  const target = path.join(buildDir, 'grader');
  rmSync(target, { recursive: true, force: true });
  renameSync(staging, target);
  writeFileSync(stampFile, stamp);
}
