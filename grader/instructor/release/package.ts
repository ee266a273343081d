/**
 * The package.json and package-lock.json of a learner's copy: the kit's, with only the scripts a
 * learner uses and only the packages a learner's copy needs, so that `npm install` there installs
 * neither the kit's test runner nor its linter, and the lockfile names nothing the copy leaves out.
 */

/**
 * The kit's commands a learner uses: the loop of reading, writing and grading. A command that is
 * in neither list stays out of a learner's copy; the kit's tests ask for every command in one.
 */
export const learnerCommands = ['grade', 'watch', 'hint', 'list', 'reset', 'serve', 'quiz', 'help'];

/** The kit's commands that are the instructor's: they prove, measure, package or grade a class. */
export const instructorCommands = ['check', 'bench', 'release', 'new-exercise', 'package-gradescope'];

export interface PackageJson {
  name?: string;
  scripts?: Record<string, string>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  [field: string]: unknown;
}

interface LockEntry {
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  inBundle?: boolean;
  [field: string]: unknown;
}

export interface Lockfile {
  lockfileVersion: number;
  packages: Record<string, LockEntry>;
  [field: string]: unknown;
}

/**
 * The scripts a learner uses: those that run a learner's command (`node grader/kit.mjs <command>`).
 * The kit's own tests, lint and type-check of the grader stay behind.
 */
export function learnerScripts(scripts: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(scripts).filter(([, command]) => {
      const kitCommand = /^node grader\/kit\.mjs ([\w-]+)(?:\s|$)/.exec(command)?.[1];
      return kitCommand !== undefined && learnerCommands.includes(kitCommand);
    }),
  );
}

/** The package an import specifier names (`@types/node/fs` → `@types/node`), or null for a built-in or a path. */
function packageOf(specifier: string): string | null {
  if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('node:')) return null;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? null);
}

/** The packages that import statements in `sources` name (dynamic imports are not followed). */
export function importedPackages(sources: string[]): Set<string> {
  // `import … from 'x'`, `export … from 'x'`, `import 'x'`, and the last line of a multi-line import.
  const statement = /^\s*(?:(?:import|export)\b[^'"`;\n]*?\bfrom|import|}\s*from)\s*['"]([^'"]+)['"]/gm;
  const found = new Set<string>();
  for (const source of sources) {
    for (const match of source.matchAll(statement)) {
      const name = packageOf(match[1] ?? '');
      if (name) found.add(name);
    }
  }
  return found;
}

/**
 * The learner's package.json: learner scripts; every dependency; of the dev dependencies, those
 * that the copy's modules import (the TypeScript compiler, for type warnings) and the type
 * declarations of the packages kept and of Node, for the learner's editor.
 */
export function learnerPackage(kit: PackageJson, imported: Set<string>): PackageJson {
  const kept = new Set([...Object.keys(kit.dependencies ?? {}), ...imported]);
  const devDependencies = Object.fromEntries(
    Object.entries(kit.devDependencies ?? {}).filter(([name]) => {
      if (kept.has(name)) return true;
      const typed = /^@types\/(.+)$/.exec(name)?.[1];
      return typed !== undefined && (typed === 'node' || kept.has(typed.includes('__') ? `@${typed.replace('__', '/')}` : typed));
    }),
  );
  return { ...kit, scripts: learnerScripts(kit.scripts ?? {}), devDependencies };
}

/** Where a package named `name`, needed by the package at `from`, is installed (Node's lookup). */
function resolveIn(packages: Record<string, LockEntry>, from: string, name: string): string | null {
  let base = from;
  for (;;) {
    const candidate = base === '' ? `node_modules/${name}` : `${base}/node_modules/${name}`;
    if (packages[candidate]) return candidate;
    if (base === '') return null;
    const cut = base.lastIndexOf('/node_modules/');
    base = cut === -1 ? '' : base.slice(0, cut);
  }
}

/**
 * The kit's lockfile cut down to `pkg`: the root entry says what `pkg` says, and only the
 * packages reachable from its dependencies stay, at the versions the kit locked.
 */
export function learnerLockfile(kit: Lockfile, pkg: PackageJson): Lockfile {
  const { packages } = kit;
  const root: LockEntry = { ...packages[''], dependencies: pkg.dependencies, devDependencies: pkg.devDependencies };
  const reached = new Set<string>(['']);
  const queue: [string, LockEntry][] = [['', { ...root, dependencies: { ...pkg.dependencies, ...pkg.devDependencies } }]];
  for (let next = queue.shift(); next; next = queue.shift()) {
    const [location, entry] = next;
    const needed = [
      ...Object.keys(entry.dependencies ?? {}),
      ...Object.keys(entry.optionalDependencies ?? {}),
      ...Object.keys(entry.peerDependencies ?? {}).filter((name) => !entry.peerDependenciesMeta?.[name]?.optional),
    ];
    for (const name of needed) {
      const found = resolveIn(packages, location, name);
      if (found === null || reached.has(found)) continue;
      reached.add(found);
      queue.push([found, packages[found] as LockEntry]);
    }
  }
  // Packages bundled inside a kept package come with it.
  const bundled = (location: string): boolean =>
    packages[location]?.inBundle === true && [...reached].some((owner) => owner !== '' && location.startsWith(`${owner}/node_modules/`));
  const kept = Object.entries(packages).filter(([location]) => location !== '' && (reached.has(location) || bundled(location)));
  return { ...kit, packages: { '': root, ...Object.fromEntries(kept) } };
}
