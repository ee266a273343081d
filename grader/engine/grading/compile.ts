/**
 * Turns a learner's `view.ts` into JavaScript the sandbox can run. Types are erased, not checked:
 * a view is graded on what it does, and a type error is only a warning.
 */
import { readFileSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { createRequire, isBuiltin, SourceMap, type SourceMapPayload } from 'node:module';
import path from 'node:path';
import type { BuildFailure, Message, OnLoadResult, OnResolveResult, Plugin, TransformFailure } from 'esbuild';
import { kitRoot } from '../paths.js';
import { hostModules } from '../sandbox/host-modules.js';
import type { SourceLocation } from '../sandbox/protocol.js';
import { isInside, ownExtensions, readView, type ViewRefusal } from './read-view.js';

export type CompileOutcome =
  | { ok: true; code: string }
  | { ok: false; status: 'compile-error'; message: string; location: SourceLocation | null };

/**
 * A view read and compiled, with the text that was compiled (what the grading says of the text
 * must be of the code graded; for a compile error, the line it stopped at), or why not: `missing`
 * when there is no file to read; a refusal when what is there is not a file the grader may read
 * (see `readView`).
 */
export type PreparedView =
  | { ok: true; code: string; source: string }
  | (Exclude<CompileOutcome, { ok: true }> & { source: string })
  | { ok: false; missing: true }
  | { ok: false; status: ViewRefusal; message: string; location: null };

/**
 * esbuild, loaded on first use. Loaded with `require`: its package is CommonJS, which an `import`
 * loads about 15 ms slower, and this is on the way to the first exercise's grade.
 */
const require = createRequire(import.meta.url);
function esbuild(): typeof import('esbuild') {
  return require('esbuild') as typeof import('esbuild');
}

/** This process's children that run esbuild, where the system says (Linux). */
function esbuildChildren(): number[] {
  try {
    return readdirSync('/proc/self/task')
      .flatMap((task) => readFileSync(`/proc/self/task/${task}/children`, 'utf8').trim().split(/\s+/))
      .filter((pid) => pid !== '' && readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'esbuild')
      .map(Number);
  } catch {
    return [];
  }
}

/**
 * Ends esbuild's process, if this one started it, and waits until it is reaped. esbuild's own
 * process does not keep the grader alive, so a grader that ends without this leaves it to the
 * machine's first process: a zombie where that one reaps none (a container's often does not).
 */
export async function stopCompiler(): Promise<void> {
  const loaded = require.cache[require.resolve('esbuild')];
  if (!loaded) return;
  const running = esbuildChildren();
  await (loaded.exports as typeof import('esbuild')).stop();
  // Node reaps the process once it ends, while this process still runs: a second at most.
  for (let waited = 0; waited < 1000 && running.some((pid) => esbuildChildren().includes(pid)); waited += 10) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** What a view may import, as every refusal of an import says it. */
export const importRule =
  "a view may import the packages the kit installs (express, express-session, …), Node's built-in modules and .ts files in its own folder";


/**
 * A view with all it imports is sent to the host in one frame (at most 64 MiB): a view that
 * bundles a whole compiler is refused here, in one line, long before.
 */
const bundleLimit = 16 * 1024 * 1024;

function realOr(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return file;
  }
}

/** `@scope/name/…` or `name/…`, as npm names packages. */
const packageSpecifier = /^(?:@[a-z0-9][\w.~-]*\/)?[a-z0-9][\w.~-]*(?:\/.*)?$/i;

type OwnFile = { ok: true; path: string } | { ok: false; reason: string };

/**
 * A relative or absolute import of a learner's file, resolved as TypeScript would (`./helper`,
 * `./helper.ts`, `./helper.js` for `helper.ts`, `./lib` for `lib/index.ts`), to a file inside the
 * exercise's folder and nowhere else. Nothing outside the folder is looked at: a path that leads
 * out is refused before the disk is asked, and a link inside that leads out is refused by its
 * real path.
 */
function resolveOwn(specifier: string, fromDir: string, folder: string, realFolder: string): OwnFile {
  const target = path.resolve(fromDir, specifier);
  if (!isInside(target, folder) && !isInside(target, realFolder)) return { ok: false, reason: 'which is outside its folder' };
  const extension = path.extname(target);
  const candidates =
    extension === '.ts'
      ? [target]
      : extension === '.js'
        ? [`${target.slice(0, -3)}.ts`, target]
        : [...ownExtensions.map((own) => `${target}${own}`), ...(extension === '' ? ownExtensions.map((own) => path.join(target, `index${own}`)) : [])];
  for (const candidate of candidates) {
    let real: string;
    try {
      real = realpathSync(candidate);
    } catch {
      continue;
    }
    if (!isInside(real, realFolder)) return { ok: false, reason: 'a link that leads outside its folder' };
    // A folder named like a file is not one; anything else that is not a plain file is refused when it is read.
    if (!statSync(real).isDirectory()) return { ok: true, path: real };
  }
  return { ok: false, reason: extension === '' || ownExtensions.includes(extension) ? 'which is not a file in its folder' : 'which is not a .ts or .js file' };
}

/** A learner's file compiled on its own: the code, with its source map inline, and the map. */
interface StrictModule {
  code: string;
  map: string;
}

/**
 * One learner's file as CommonJS with `"use strict"`, in a function of its own once bundled: the
 * learner's code runs as strict code, as a module of a real project does, while the packages
 * bundled beside it keep their own mode. The source map goes inline, for the bundle to follow.
 */
async function strictModule(source: string, file: string): Promise<StrictModule> {
  const { code, map } = await esbuild().transform(source, {
    loader: path.extname(file) === '.js' ? 'js' : 'ts',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'external',
    sourcefile: file,
    tsconfigRaw: { compilerOptions: { alwaysStrict: true } },
    logLevel: 'silent',
  });
  return { code: `${code}//# sourceMappingURL=data:application/json;base64,${Buffer.from(map).toString('base64')}\n`, map };
}

/** A message of the build, with its place in the learner's own text rather than in the code it became. */
type Where = { file: string; line: number; column: number } | null;

const host = new Set<string>(hostModules);

/**
 * What the host gives a view: its own packages, and Node's built-in modules, also those this Node
 * lacks (`node:sqlite` before Node 22), for which the host's Node answers as a real project's would.
 */
function hostGives(specifier: string): boolean {
  return host.has(specifier) || isBuiltin(specifier) || specifier.startsWith('node:');
}

/**
 * What a compiled module requires by name: esbuild writes every import, `import()` and
 * `require()` of a literal as `require("…")`. A name written with an escape is no name the host
 * gives (the bundle then looks at it); a mention in a string or a comment only costs a bundle.
 */
function requiredNames(code: string): string[] {
  return [...code.matchAll(/\brequire\("((?:[^"\\\n]|\\.)*)"\)/g)].map((match) => match[1] ?? '');
}

/**
 * Whether a compiled module requires something not named by a literal (`require(\`./${x}\`)`,
 * `import('./a' + x)`): esbuild's bundler expands such a pattern into every file on disk it
 * matches, before any plugin sees them, which would read files outside the view's folder (and
 * can walk the whole disk). A view names what it imports.
 */
function requiresByPattern(code: string): boolean {
  return /\b(?:require|import)\s*\((?!\s*"(?:[^"\\\n]|\\.)*"\s*\))/.test(code);
}

const patternRule = 'a view imports by a name in quotes, not by a pattern built at run time';

/**
 * The plugin that decides what a view may import: the host's own packages and Node's built-in
 * modules stay outside the bundle (the host gives them), other packages are bundled from the
 * kit's node_modules, and files only from the view's own folder. The view itself is the text
 * already read (what is graded is what was read).
 */
function viewImports(file: string, view: StrictModule, refusals: Set<string>, maps: Map<string, string>): Plugin {
  const folder = path.dirname(file);
  const realFolder = realOr(folder);
  const realView = realOr(file);
  const kitModules = realOr(path.join(kitRoot, 'node_modules'));
  // esbuild names the entry by its name in the view's folder.
  const entry = path.join(folder, entryName);
  const refuse = (importer: string, specifier: string, reason: string): OnResolveResult => {
    const text = `${nameOf(importer, file)} imports ${JSON.stringify(specifier)}, ${reason}: ${importRule}`;
    refusals.add(text);
    return { errors: [{ text }] };
  };
  return {
    name: 'view-imports',
    setup(build) {
      build.onResolve({ filter: /.*/ }, async (args): Promise<OnResolveResult | undefined> => {
        const { path: specifier, importer } = args;
        const data = args.pluginData as { learner?: boolean; kit?: boolean } | undefined;
        if (data?.kit) return undefined;
        if (hostGives(specifier)) return { path: specifier, external: true };
        if (importer === entry) return { path: file, pluginData: { learner: true } };
        // A package's own imports: resolved as Node would, from where the package is.
        if (!data?.learner) return undefined;
        if (specifier.startsWith('.') || path.isAbsolute(specifier)) {
          const own = resolveOwn(specifier, args.resolveDir, folder, realFolder);
          if (!own.ok) return refuse(importer, specifier, own.reason);
          return { path: own.path === realView ? file : own.path, pluginData: { learner: true } };
        }
        if (!packageSpecifier.test(specifier)) return refuse(importer, specifier, 'which is neither a package nor a file');
        // From the kit, wherever the view lies: a learner's folder may hold no node_modules, or one of its own.
        const found = await build.resolve(specifier, { kind: args.kind, resolveDir: kitRoot, pluginData: { kit: true } });
        if (found.errors.length > 0 || found.external || !isInside(realOr(found.path), kitModules)) {
          return refuse(importer, specifier, 'which the kit has not installed');
        }
        return { path: found.path };
      });
      build.onLoad({ filter: /.*/ }, async (args): Promise<OnLoadResult | undefined> => {
        if (!(args.pluginData as { learner?: boolean } | undefined)?.learner) {
          // A package of the kit's; anything else reached the build without this plugin's word.
          if (isInside(realOr(args.path), kitModules)) return undefined;
          const text = `${nameOf(args.path, file)} is not a file this view may import: ${importRule}`;
          refusals.add(text);
          return { errors: [{ text }] };
        }
        const loaded = (compiled: StrictModule): OnLoadResult => {
          maps.set(args.path, compiled.map);
          return { contents: compiled.code, loader: 'js', resolveDir: path.dirname(args.path), pluginData: { learner: true } };
        };
        if (args.path === file) return loaded(view);
        const read = readView(args.path, realFolder);
        if (!read.ok) {
          refusals.add(read.message);
          return { errors: [{ text: read.message }] };
        }
        if (nestingOf(read.source) > nestingLimit) {
          const text = `${nameOf(args.path, file)} nests brackets more than ${nestingLimit} deep: simplify it`;
          refusals.add(text);
          return { errors: [{ text }] };
        }
        try {
          const helper = await strictModule(read.source, args.path);
          if (requiresByPattern(helper.code)) {
            const text = `${nameOf(args.path, file)} imports a file by a pattern: ${patternRule}`;
            refusals.add(text);
            return { errors: [{ text }] };
          }
          return loaded(helper);
        } catch (error) {
          const failure = error as Partial<TransformFailure>;
          if (!failure.errors) throw error;
          return { errors: failure.errors };
        }
      });
    },
  };
}

/**
 * How a message names a learner's file: the view as `view.ts`, whatever file stands in its place
 * (a known mistake, a variant), and the files it imports by their own names.
 */
function nameOf(learnerFile: string, view: string): string {
  return learnerFile === view ? 'view.ts' : path.basename(learnerFile);
}

/** The bundle's entry: plain CommonJS, so that only the learner's modules are strict, not the packages bundled with them. */
const entryName = '<session-kit view entry>';

/** Where a build message points, in the learner's own text when it is in a learner's file. */
function placeOf(message: Message, maps: Map<string, string>, absWorkingDir: string): Where {
  const at = message.location;
  if (!at) return null;
  const file = path.resolve(absWorkingDir, at.file);
  const map = maps.get(file);
  if (!map) return { file, line: at.line, column: at.column + 1 };
  const entry = new SourceMap(JSON.parse(map) as SourceMapPayload).findEntry(at.line - 1, at.column);
  return 'originalLine' in entry ? { file, line: entry.originalLine + 1, column: entry.originalColumn + 1 } : { file, line: at.line, column: at.column + 1 };
}

/**
 * Compiles a view, with what it imports, into one CommonJS module the sandbox can run: the view
 * and the files of its folder it imports run as strict code (as in a real project, whether tsc
 * compiles it or Node runs it as an ES module), packages the kit installs are bundled in (the
 * sandbox has no node_modules), and the host's own packages and Node's are left for the host to
 * give. Anything else a view imports is refused in one line that says what it may import.
 *
 * Compiles in esbuild's own process, without blocking this one: the grader keeps talking to other
 * hosts meanwhile (a class is graded several learners at a time).
 */
export async function compileView(source: string, given: string): Promise<CompileOutcome> {
  // A stop for another view's deadline leaves this compile unanswered: it is asked again.
  for (let attempt = 0; attempt < 3; attempt++) {
    const restarted = serviceStopped;
    let timer: NodeJS.Timeout | undefined;
    const outcome = await Promise.race([
      compileOnce(source, given).then((result) => ({ result })),
      restarted.then(() => 'restarted' as const),
      new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), compileDeadlineMs))),
    ]);
    clearTimeout(timer);
    if (typeof outcome === 'object') return outcome.result;
    if (outcome === 'late') {
      await stopForDeadline();
      return { ok: false, status: 'compile-error', message: `view.ts took longer than ${compileDeadlineMs / 1000} s to compile (a type or an expression nested too deep?): simplify it`, location: null };
    }
  }
  return { ok: false, status: 'compile-error', message: 'view.ts could not be compiled while other views ran past their time', location: null };
}

/**
 * How long compiling one view may take. esbuild takes milliseconds for any honest view, but some
 * text of a kilobyte takes it hours (nested `infer` template types), and one shared compiler
 * serves a whole class: past this, its process is stopped, and every other compile starts over.
 */
const compileDeadlineMs = 15_000;

/** Settles when esbuild's process is stopped for a deadline; a new promise then waits for the next stop. */
let announceStop: () => void = () => undefined;
let serviceStopped = new Promise<void>((resolve) => (announceStop = resolve));

/** Stops esbuild's process (the compile past its deadline goes with it); the next compile starts another. */
async function stopForDeadline(): Promise<void> {
  const announce = announceStop;
  serviceStopped = new Promise<void>((resolve) => (announceStop = resolve));
  await esbuild().stop();
  announce();
}

/** The deepest nesting of brackets of a text: esbuild's output of a view nested tens of thousands deep outgrows a string. */
function nestingOf(source: string): number {
  let depth = 0;
  let deepest = 0;
  for (let index = 0; index < source.length; index++) {
    const code = source.charCodeAt(index);
    if (code === 40 || code === 91 || code === 123) deepest = Math.max(deepest, ++depth);
    else if (code === 41 || code === 93 || code === 125) depth = Math.max(0, depth - 1);
  }
  return deepest;
}

/** Far deeper than code a person writes; below what makes esbuild's output too large to hold. */
const nestingLimit = 500;

async function compileOnce(source: string, given: string): Promise<CompileOutcome> {
  // esbuild knows files by absolute paths; a place in the view is given back by the name it was asked by.
  const file = path.resolve(given);
  if (nestingOf(source) > nestingLimit) {
    return { ok: false, status: 'compile-error', message: `view.ts nests brackets more than ${nestingLimit} deep: simplify it`, location: null };
  }
  let view: StrictModule;
  try {
    view = await strictModule(source, file);
  } catch (error) {
    const first = (error as Partial<TransformFailure>).errors?.[0];
    if (!first) throw error;
    const location = first.location ? { file: given, line: first.location.line, column: first.location.column + 1 } : null;
    return { ok: false, status: 'compile-error', message: `view.ts does not compile: ${first.text}`, location };
  }
  // Most views import only what the host gives: the view's own module is then the whole bundle,
  // made in one step, as fast as before views could import anything else.
  if (requiredNames(view.code).every(hostGives)) return { ok: true, code: view.code };
  if (requiresByPattern(view.code)) return { ok: false, status: 'compile-error', message: `view.ts imports a file by a pattern: ${patternRule}`, location: null };
  return bundle(view, file, given);
}

/** The view bundled with the files and packages it imports (see `compileView`). */
async function bundle(view: StrictModule, file: string, given: string): Promise<CompileOutcome> {
  const refusals = new Set<string>();
  const maps = new Map<string, string>();
  const folder = path.dirname(file);
  try {
    const { outputFiles } = await esbuild().build({
      stdin: { contents: `module.exports = require(${JSON.stringify(`./${path.basename(file)}`)});\n`, sourcefile: entryName, resolveDir: folder, loader: 'js' },
      bundle: true,
      write: false,
      // Never written: the source map names the learner's files relative to it, as Node reads them from the view's path.
      outfile: path.join(folder, `${path.basename(file)}.bundle.js`),
      absWorkingDir: folder,
      format: 'cjs',
      platform: 'node',
      target: 'node20',
      sourcemap: 'inline',
      legalComments: 'none',
      // No tsconfig.json of the learner's, or of the kit's, changes how a view is compiled or resolved.
      tsconfigRaw: {},
      logLevel: 'silent',
      plugins: [viewImports(file, view, refusals, maps)],
    });
    const code = outputFiles[0]?.text ?? '';
    if (code.length > bundleLimit) {
      const size = `${Math.ceil(code.length / 1024 / 1024)} MiB`;
      return { ok: false, status: 'compile-error', message: `view.ts with what it imports is ${size} of code; the limit is ${bundleLimit / 1024 / 1024} MiB: import less`, location: null };
    }
    return { ok: true, code };
  } catch (error) {
    const first = (error as Partial<BuildFailure>).errors?.[0];
    if (!first) throw error;
    const location = placeOf(first, maps, folder);
    const message = refusals.has(first.text) ? first.text : `${nameOf(location?.file ?? file, file)} does not compile: ${first.text}`;
    return { ok: false, status: 'compile-error', message, location: location?.file === file ? { ...location, file: given } : location };
  }
}

/**
 * Reads and compiles a view; a missing or refused file is an outcome, not an error. The read is
 * synchronous: a view is a few KiB, less than a file handle of fs/promises costs, and `readView`
 * opens nothing that could block.
 */
export async function prepareView(file: string): Promise<PreparedView> {
  const read = readView(file);
  if (!read.ok) return read.absent ? { ok: false, missing: true } : { ok: false, status: read.status, message: read.message, location: null };
  const compiled = await compileView(read.source, file);
  return { ...compiled, source: read.source };
}
