/**
 * `npm run package:gradescope`: the autograder zip to upload to Gradescope. It holds Gradescope's
 * two entry scripts at its root (`setup.sh`: Node 24, `npm ci --omit=dev` and the build;
 * `run_autograder`: grades `/autograder/submission` into `/autograder/results/results.json`), the
 * whole grader (a class run is the instructor's), and of the course what grading reads: the list,
 * each exercise's entry and public checks, and from `solutions/` its hidden checks and its list of
 * known mistakes. Never a view of `solutions/` (the solution, a known mistake's code, a look-alike,
 * a correct variant), nor a stub or a lesson: grading reads none of them, and a submission could
 * read what the zip holds.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { UsageError, userPath, type Command } from '../../commands/args.js';
import { courseListFile, entryFile, findExercise, manifest } from '../../engine/course/manifest.js';
import { kitRoot } from '../../engine/paths.js';
import { writeAtomic } from '../../outputs/atomic-write.js';
import { gradescopeVisibilities, type GradescopeVisibility } from '../class/gradescope.js';
import { createZip, type ZipEntry } from '../class/zip.js';

const usage = `Usage: npm run package:gradescope -- [slug...] [options]

Builds the autograder zip to upload to Gradescope (a programming assignment's "Configure
Autograder" page). With slugs, the autograder grades only those exercises.

Options:
  --out <file>              where the zip goes (default: gradescope-autograder.zip)
  --hidden-visibility <v>   when learners see hidden checks: after_published (default),
                            after_due_date, hidden or visible
  --help                    show this help`;

/** Where Gradescope's two scripts are kept in the kit. */
export const gradescopeTemplates = path.join(kitRoot, 'templates', 'gradescope');

/** The line of `run_autograder` that the packager fills with the grade flags. */
const flagsLine = /^grade_flags=\(\).*$/m;

function filesUnder(dir: string, relative = ''): string[] {
  return readdirSync(path.join(dir, relative), { withFileTypes: true })
    .flatMap((entry) => {
      const name = path.posix.join(relative, entry.name);
      if (entry.isDirectory()) return filesUnder(dir, name);
      return entry.isFile() ? [name] : [];
    })
    .sort();
}

/**
 * The course's files that grading reads (`engine/course/`), by path from the kit's root: the
 * list, and of each exercise its entry, its public checks, its hidden checks with any helper of
 * theirs beside them, and its list of known mistakes: the files the build compiles
 * (`grader/build.mjs`), never the solution; and its quiz, whose key grades the answers.
 */
export function gradedCourseFiles(): string[] {
  const instructorCode = (slug: string): string[] => {
    const dir = path.join(kitRoot, 'solutions', slug);
    if (!existsSync(dir)) return [];
    return readdirSync(dir, { withFileTypes: true })
      // The checks and mistakes code, and the quiz whose key grades the answers handed in.
      .filter((entry) => entry.isFile() && ((entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') && entry.name !== 'view.ts') || entry.name === 'quiz.json'))
      .map((entry) => `solutions/${slug}/${entry.name}`)
      .sort();
  };
  const perExercise = manifest.exercises.flatMap(({ slug }) => [entryFile(slug), `exercises/${slug}/checks.ts`, ...instructorCode(slug)]);
  return [courseListFile, ...perExercise.filter((file) => existsSync(path.join(kitRoot, file)))];
}

function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** The archive's entries: the two scripts, then the kit's files the grader needs to run. */
export function gradescopeEntries(flags: readonly string[]): ZipEntry[] {
  const script = (name: string): Buffer => readFileSync(path.join(gradescopeTemplates, name));
  const runner = script('run_autograder')
    .toString('utf8')
    .replace(flagsLine, `grade_flags=(${flags.map(shellQuote).join(' ')}) # set by npm run package:gradescope`);
  const kitFile = (name: string): ZipEntry => {
    const file = path.join(kitRoot, name);
    return { name, data: readFileSync(file), mode: statSync(file).mode & 0o111 ? 0o755 : 0o644 };
  };
  return [
    { name: 'setup.sh', data: script('setup.sh'), mode: 0o755 },
    { name: 'run_autograder', data: Buffer.from(runner, 'utf8'), mode: 0o755 },
    kitFile('package.json'),
    kitFile('package-lock.json'),
    ...filesUnder(kitRoot, 'grader').map(kitFile),
    ...gradedCourseFiles().map(kitFile),
  ];
}

async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { out: { type: 'string' }, 'hidden-visibility': { type: 'string' }, help: { type: 'boolean' } },
  });
  if (values.help) {
    console.log(usage);
    return 0;
  }
  for (const slug of positionals) {
    if (!findExercise(slug)) throw new UsageError(`no exercise "${slug}": the exercises are ${manifest.exercises.map((e) => e.slug).join(', ')}`);
  }
  const visibility = values['hidden-visibility'] as GradescopeVisibility | undefined;
  if (visibility !== undefined && !gradescopeVisibilities.includes(visibility)) {
    throw new UsageError(`--hidden-visibility takes ${gradescopeVisibilities.join(', ')}, not "${visibility}"`);
  }
  const out = userPath(values.out ?? 'gradescope-autograder.zip');
  if (existsSync(out) && statSync(out).isDirectory()) throw new UsageError(`--out ${out} is a folder: it takes the zip file's name`);
  const flags = [...positionals, ...(visibility ? ['--hidden-visibility', visibility] : [])];
  const entries = gradescopeEntries(flags);
  writeAtomic(out, createZip(entries));
  console.log(`Wrote ${out} (${entries.length} files, ${Math.round(statSync(out).size / 1024)} KiB): upload it on the assignment's "Configure Autograder" page.`);
  return 0;
}

export const packageGradescopeCommand: Command = {
  name: 'package-gradescope',
  summary: 'build the autograder zip for Gradescope (for instructors)',
  run,
};
