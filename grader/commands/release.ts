/**
 * `npm run release -- --out <dir>`: writes the copy of the kit that learners get: lessons, stubs,
 * the grader and the public checks, and nothing that gives answers or hidden checks away. It is
 * written beside `<dir>` and moved into place whole, so a failed release leaves no partial copy.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, renameSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { manifest } from '../manifest.js';
import { kitRoot } from '../paths.js';
import { loadCourse } from '../course.js';
import { learnerFiles, learnerMistakeList } from '../release/contents.js';
import { importedPackages, instructorCommands, learnerLockfile, learnerPackage, type Lockfile, type PackageJson } from '../release/package.js';
import { learnerReadme } from '../release/readme.js';
import { UsageError, userPath, type Command } from './args.js';

const usage = `Usage: npm run release -- --out <dir>

Writes a learner's copy of the kit to <dir>, a new or empty folder outside the kit. It has the
lessons, the stubs, the grader and the public checks; it leaves out the solutions, the hidden
checks (grader/checks/*/hidden.ts), the known mistakes and correct variants, the tests, builds and
caches, and the instructor's scripts (${instructorCommands.join(', ')}, test). Learners run
\`npm install && npm run grade\` in it; the report says the hidden checks are graded by you.`;

/** The real path of `target`, through its nearest existing ancestor (it may not exist yet). */
function realPathOf(target: string): string {
  const missing: string[] = [];
  let existing = target;
  while (!existsSync(existing)) {
    missing.unshift(path.basename(existing));
    existing = path.dirname(existing);
  }
  return path.join(realpathSync(existing), ...missing);
}

/** Refuses an --out that would mix the copy with the kit or with other files. */
function refuse(given: string, out: string): void {
  const inside = path.relative(realpathSync(kitRoot), realPathOf(out));
  if (!inside.startsWith('..') && !path.isAbsolute(inside)) {
    throw new UsageError(`--out ${given} is inside the kit: choose a folder outside ${kitRoot}`);
  }
  if (!existsSync(out)) return;
  if (!statSync(out).isDirectory()) throw new UsageError(`--out ${given} is a file: choose a new or empty folder`);
  if (readdirSync(out).length > 0) throw new UsageError(`--out ${given} exists and is not empty: choose a new or empty folder`);
}

/** The kit's files the copy takes as they are, and the files written for it, by path in it. */
async function copyContents(): Promise<{ copied: string[]; written: Record<string, string>; scripts: string[] }> {
  const mistakeLists = new Map<string, string>();
  for (const exercise of await loadCourse()) {
    const publicIds = new Set(exercise.checks.filter((check) => check.visibility === 'public').map((check) => check.id));
    mistakeLists.set(`grader/checks/${exercise.info.slug}/mistakes.ts`, learnerMistakeList(exercise.mistakes ?? [], publicIds));
  }
  const copied = learnerFiles(kitRoot).filter((file) => !mistakeLists.has(file));
  const readKit = (file: string): string => readFileSync(path.join(kitRoot, file), 'utf8');
  const sources = copied.filter((file) => /\.[cm]?[jt]s$/.test(file)).map(readKit);
  const pkg = learnerPackage(JSON.parse(readKit('package.json')) as PackageJson, importedPackages(sources));
  const written: Record<string, string> = {
    ...Object.fromEntries(mistakeLists),
    'package.json': `${JSON.stringify(pkg, null, 2)}\n`,
    'README.md': learnerReadme(readKit('README.md'), pkg.scripts ?? {}),
  };
  if (existsSync(path.join(kitRoot, 'package-lock.json'))) {
    written['package-lock.json'] = `${JSON.stringify(learnerLockfile(JSON.parse(readKit('package-lock.json')) as Lockfile, pkg), null, 2)}\n`;
  }
  return { copied, written, scripts: Object.keys(pkg.scripts ?? {}) };
}

async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { out: { type: 'string' }, help: { type: 'boolean' } } });
  if (values.help) {
    console.log(usage);
    return 0;
  }
  if (positionals.length > 0) throw new UsageError(`unexpected "${positionals[0]}": the folder goes after --out (npm run release -- --out <dir>)`);
  if (!values.out) throw new UsageError("--out <dir> is required: the new or empty folder to write the learner's copy to");
  const out = userPath(values.out);
  refuse(values.out, out);
  const { copied, written, scripts } = await copyContents();
  mkdirSync(path.dirname(out), { recursive: true });
  const staging = mkdtempSync(path.join(path.dirname(out), `.${path.basename(out)}.staging-`));
  try {
    for (const file of copied) {
      mkdirSync(path.dirname(path.join(staging, file)), { recursive: true });
      copyFileSync(path.join(kitRoot, file), path.join(staging, file));
    }
    for (const [file, text] of Object.entries(written)) {
      mkdirSync(path.dirname(path.join(staging, file)), { recursive: true });
      writeFileSync(path.join(staging, file), text);
    }
    if (existsSync(out)) rmdirSync(out);
    renameSync(staging, out);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  const hidden = manifest.exercises.filter((info) => existsSync(path.join(kitRoot, 'grader', 'checks', info.slug, 'hidden.ts'))).length;
  console.log(`Wrote a learner's copy of ${manifest.exercises.length} exercises to ${out} (${copied.length + Object.keys(written).length} files).`);
  console.log(`Left out: solutions, the hidden checks of ${hidden} exercises, known mistakes, correct variants, tests, builds and caches.`);
  console.log(`Its scripts: ${scripts.join(', ')}.`);
  console.log(`Learners run: cd ${out} && npm install && npm run grade`);
  return 0;
}

export const releaseCommand: Command = { name: 'release', summary: "write a learner's copy of the kit (for instructors)", run };
