// Keeps `.kit-build/` a current JavaScript build of `grader/`, so that every command starts as
// plain Node (no TypeScript compiler at run time). Rebuilt only when a source file changed.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, readFileSync, readdirSync, readlinkSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const kitRoot = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const sourceDir = path.join(kitRoot, 'grader');
const buildDir = path.join(kitRoot, '.kit-build');
const stampFile = path.join(buildDir, 'stamp');

/** @returns {string[]} the TypeScript sources under `dir`, sorted */
function graderSources(dir = sourceDir) {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return graderSources(full);
      return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [full] : [];
    })
    .sort();
}

/**
 * The course's code: each exercise's checks and known mistakes. In `exercises/<slug>/`, the
 * learner's folder, only `checks.ts` and `mistakes.ts` (a learner's own files there are views);
 * in `solutions/<slug>/`, every `.ts` file beside them too (a helper the hidden checks import), but
 * the solution. Views (stubs, solutions, mistakes, look-alikes, variants, the learner's work) are
 * not built: the grader reads and compiles them where they lie, so editing one rebuilds nothing.
 * @returns {string[]}
 */
function courseSources() {
  /** @param {string} folder @param {(name: string) => boolean} wanted */
  const filesOf = (folder, wanted) => {
    const dir = path.join(kitRoot, folder);
    if (!existsSync(dir)) return [];
    return readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .flatMap((entry) => readdirSync(path.join(dir, entry.name), { withFileTypes: true }).filter((file) => file.isFile() && wanted(file.name)).map((file) => path.join(dir, entry.name, file.name)))
      .sort();
  };
  return [
    ...filesOf('exercises', (name) => name === 'checks.ts' || name === 'mistakes.ts'),
    ...filesOf('solutions', (name) => name.endsWith('.ts') && !name.endsWith('.d.ts') && name !== 'view.ts'),
  ];
}

function sources() {
  return [...graderSources(), ...courseSources()];
}

/** @param {string[]} files */
function fingerprint(files) {
  const hash = createHash('sha256');
  // The host's code cache is good for one Node only: another Node rebuilds.
  hash.update(`${process.version}\n`);
  for (const file of files) {
    const { mtimeMs, size } = statSync(file);
    hash.update(`${file}\0${mtimeMs}\0${size}\n`);
  }
  return hash.digest('hex');
}

/**
 * Makes V8's code cache of the host bundle (see `grader/engine/sandbox/host-loader.ts`), with the flags a
 * host runs with by default. Without it, hosts only start a little slower.
 * @param {string} sandboxDir the grader's build of `grader/engine/sandbox`
 * @param {string} hostDir the host bundle's folder
 */
async function writeHostCodeCache(sandboxDir, hostDir) {
  const { defaultHeapMb, hostV8Flags } = await import(pathToFileURL(path.join(sandboxDir, 'host-flags.js')).href);
  const loader = path.join(hostDir, 'host-loader.cjs');
  spawnSync(process.execPath, [...hostV8Flags(defaultHeapMb), loader, kitRoot, '--write-code-cache'], { stdio: 'ignore', timeout: 30_000 });
}

/**
 * Builds `.kit-build/grader` unless it is already current. Each build goes to a folder of its own
 * under `.kit-build/builds/`, and `.kit-build/grader` is a link swapped to it in one step, so a
 * process starting a sandbox host while another rebuilds never finds the build half there.
 */
export async function ensureBuilt() {
  const files = sources();
  const stamp = fingerprint(files);
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) return;
  const { build } = await import('esbuild');
  const name = stamp.slice(0, 16);
  const buildsDir = path.join(buildDir, 'builds');
  const output = path.join(buildsDir, name, 'grader');
  if (!existsSync(output)) {
    const staging = path.join(buildsDir, `${name}.${process.pid}`);
    const hostEntries = ['host', 'host-loader'].map((entry) => path.join(sourceDir, 'engine', 'sandbox', `${entry}.ts`));
    await build({
      // The host's own files run only bundled (below).
      entryPoints: files.filter((file) => !hostEntries.includes(file)),
      outdir: staging,
      outbase: kitRoot,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      sourcemap: 'inline',
      logLevel: 'error',
    });
    // The sandbox host starts for every learner: one bundled file with Express inside loads in
    // about two thirds of the time the separate modules take. It goes to a folder of its own,
    // `host/`, the only one a sealed host can see: nothing of the checks is in it.
    await build({
      entryPoints: hostEntries,
      outdir: path.join(staging, 'host'),
      outExtension: { '.js': '.cjs' },
      bundle: true,
      format: 'cjs',
      platform: 'node',
      target: 'node20',
      logLevel: 'error',
    });
    await writeHostCodeCache(path.join(staging, 'grader', 'engine', 'sandbox'), path.join(staging, 'host'));
    try {
      renameSync(staging, path.join(buildsDir, name));
    } catch {
      // Another process finished the same build first.
      rmSync(staging, { recursive: true, force: true });
    }
  }
  const link = path.join(buildDir, 'grader');
  const previousBuild = existsSync(link) && lstatSync(link).isSymbolicLink() ? path.basename(path.dirname(readlinkSync(link))) : null;
  // A build from before builds had folders of their own is a plain folder: replace it once.
  if (existsSync(link) && !lstatSync(link).isSymbolicLink()) rmSync(link, { recursive: true, force: true });
  const nextLink = path.join(buildDir, `grader.${process.pid}`);
  rmSync(nextLink, { force: true });
  symlinkSync(path.join('builds', name, 'grader'), nextLink);
  renameSync(nextLink, link);
  writeFileSync(stampFile, stamp);
  // Keep this build, the one before it and any made in the last hour: processes started from
  // them (a long bench, a class run) may still be loading their files.
  const keep = new Set([name, previousBuild ?? name]);
  const recent = Date.now() - 60 * 60 * 1000;
  for (const entry of readdirSync(buildsDir)) {
    const folder = path.join(buildsDir, entry);
    if (!keep.has(entry) && !entry.includes('.') && statSync(folder).mtimeMs < recent) rmSync(folder, { recursive: true, force: true });
  }
}
