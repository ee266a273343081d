/**
 * `npm run release -- --out <dir>`: writes the copy of the kit that learners get. Its files are
 * chosen by the rules of `release/contents.ts`, stated by folder (each exercise's folder, the
 * grader but for `grader/instructor/`; nothing from `solutions/`); its `view.ts` files are written
 * from each exercise's `.stub/view.ts`, never from the working file; and the copy must pass
 * `release/verify.ts` before it is moved into place, whole. The sample outputs of its README are
 * made by running the copy itself (`release/samples.ts`). `--check <dir>` runs that check alone
 * on a copy made earlier (or edited by hand).
 */
import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, renameSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadCourse, publicChecksOf } from '../../engine/course/course.js';
import { defaultLimits, type GradedExercise } from '../../engine/grading/grade.js';
import { pointsOf } from '../../engine/results.js';
import { kitRoot } from '../../engine/paths.js';
import { fileKinds, instructorFolder, isInstructors, LearnerListError, learnerMistakeList, linkedDocs, notNamed, placeOf, solutionsFolder, whyLeftOut, type FileKind } from '../release/contents.js';
import { importedPackages, instructorCommands, learnerLockfile, learnerPackage, type Lockfile, type PackageJson } from '../release/package.js';
import { readmeSamples } from '../soundness/readme-samples.js';
import { learnerReadme } from '../release/readme.js';
import { withCopySamples } from '../release/samples.js';
import { readStub, stubPath } from '../../engine/course/stubs.js';
import { readQuiz, sealedQuizText } from '../../engine/course/quiz.js';
import { checkCopy, type CopyCheck } from '../release/verify.js';
import { classroomWorkflow, classroomWorkflowFile } from '../release/classroom-workflow.js';
import { UsageError, userPath, type Command } from '../../commands/args.js';

const usage = `Usage: npm run release -- --out <dir>
       npm run release -- --check <dir>

--out writes a learner's copy of the kit to <dir>, a new or empty folder outside the kit: each
exercise's folder (its lesson, its stub as view.ts, whatever yours holds, and in .stub/ for reset,
its entry, its public checks and the public part of its known mistakes), exercises/course.json,
the grader without grader/instructor/, and a README written for learners. Nothing from
solutions/, nothing from grader/instructor/, no tests, backups, builds, state or caches, and none
of the instructor's scripts:
  ${instructorCommands.join(', ')}, test.
The copy is checked before it is moved into place: no file of solutions/ or grader/instructor/,
nor any file holding the code of one or a hidden check's id, and every stub, graded, must answer
501 on each route and score 0; the sample outputs of its README are made by running the copy
itself, and must show the copy's points. When it fails, nothing is written and the offending
files are listed.

--check runs that check on a copy written earlier.`;

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

/** The kit's files under the folders a copy draws from (never `solutions/`), and its root files, by path with `/`. */
function kitFiles(): string[] {
  const files: string[] = [];
  const visit = (relative: string): void => {
    for (const entry of readdirSync(path.join(kitRoot, relative), { withFileTypes: true })) {
      const child = relative === '' ? entry.name : `${relative}/${entry.name}`;
      if (entry.isDirectory() && (relative !== '' || ['exercises', 'grader', 'docs'].includes(entry.name))) visit(child);
      // Symbolic links could point anywhere, the kit's solutions included: they are not followed.
      else if (entry.isFile()) files.push(child);
    }
  };
  visit('');
  return files.sort();
}

interface Plan {
  /** Files taken from the kit as they are. */
  copied: string[];
  /** Files written for the copy, with their text. */
  written: Record<string, string>;
  /** Files of exercises/ and grader/ left out that no rule expects there (backups, notes, drafts), with why; the instructor's tools are left out by design. */
  strays: string[];
  /** Working views that are not the stub: the copy has the stub instead. */
  replaced: string[];
  scripts: string[];
}

/** What goes into the copy, file by file. */
function plan(course: GradedExercise[]): Plan {
  const slugs = course.map((exercise) => exercise.info.slug);
  const readKit = (file: string): string => readFileSync(path.join(kitRoot, file), 'utf8');
  const written: Record<string, string> = {};
  const replaced: string[] = [];
  for (const exercise of course) {
    const { info, mistakes } = exercise;
    const stub = readStub(info.slug);
    if (stub === null) throw new UsageError(`${stubPath(info.slug)} is missing: the copy's stub of ${info.slug} is taken from there`);
    written[`exercises/${info.slug}/view.ts`] = stub;
    const working = path.join(kitRoot, 'exercises', info.slug, 'view.ts');
    if (existsSync(working) && readFileSync(working, 'utf8') !== stub) replaced.push(`exercises/${info.slug}/view.ts`);
    const publicIds = new Set(publicChecksOf(exercise).map((check) => check.id));
    const list = `${solutionsFolder}/${info.slug}/mistakes.ts`;
    try {
      written[`exercises/${info.slug}/mistakes.ts`] = learnerMistakeList(mistakes ?? [], publicIds, existsSync(path.join(kitRoot, list)) ? readKit(list) : '', list);
    } catch (error) {
      if (error instanceof LearnerListError) throw new UsageError(error.message);
      throw error;
    }
    const quiz = readQuiz(info.slug);
    if (quiz?.open) written[`exercises/${info.slug}/quiz.json`] = sealedQuizText(quiz);
  }
  // The README is written first: it decides which documents the copy takes.
  const readmeWithoutScripts = learnerReadme(readKit('README.md'), course, {});
  const files = kitFiles();
  const docs = linkedDocs(readmeWithoutScripts);
  const copied: string[] = [];
  const strays: string[] = [];
  for (const file of files) {
    const placed = placeOf(file, slugs, docs);
    if (placed?.source === 'kit') copied.push(file);
    else if (placed === null && /^(exercises|grader)\//.test(file) && !isInstructors(file)) {
      const why = whyLeftOut(file);
      strays.push(why === notNamed ? file : `${file} (${why})`);
    }
  }
  const sources = copied.filter((file) => /\.[cm]?[jt]s$/.test(file)).map(readKit);
  const pkg = learnerPackage(JSON.parse(readKit('package.json')) as PackageJson, importedPackages(sources));
  const scripts = pkg.scripts ?? {};
  written['package.json'] = `${JSON.stringify(pkg, null, 2)}\n`;
  written['README.md'] = learnerReadme(readKit('README.md'), course, scripts);
  written[classroomWorkflowFile] = classroomWorkflow(course);
  if (existsSync(path.join(kitRoot, 'package-lock.json'))) {
    written['package-lock.json'] = `${JSON.stringify(learnerLockfile(JSON.parse(readKit('package-lock.json')) as Lockfile, pkg), null, 2)}\n`;
  }
  return { copied, written, strays, replaced, scripts: Object.keys(scripts) };
}

/** How each kind of file is named in the summary, and where it is. */
const kindLines: Record<FileKind, [string, string]> = {
  lesson: ['lessons', 'exercises/<slug>/README.md'],
  stub: ['stubs', 'exercises/<slug>/view.ts, and exercises/<slug>/.stub/view.ts for reset'],
  'course data': ['course entries', 'exercises/course.json and exercises/<slug>/exercise.json'],
  'public checks': ['public check files', 'exercises/<slug>/checks.ts'],
  'mistake list': ['mistake lists', 'exercises/<slug>/mistakes.ts, naming public checks only'],
  quiz: ['quizzes', 'exercises/<slug>/quiz.json, each answer sealed'],
  'grader module': ['grader modules', `grader/, without ${instructorFolder}/`],
  doc: ['docs', ''],
  setup: ['setup files', ''],
};

/** What the copy holds, by kind, with counts: one line each. */
function contentLines(check: CopyCheck, course: GradedExercise[]): string[] {
  const publicChecks = course.flatMap(publicChecksOf);
  const points = pointsOf(publicChecks);
  return fileKinds.flatMap((kind) => {
    const files = check.contents.get(kind) ?? [];
    if (files.length === 0) return [];
    const [label, where] = kindLines[kind];
    const detail =
      kind === 'public checks' ? `${where}: ${publicChecks.length} checks, ${points} points` : where !== '' ? where : files.join(', ');
    return [`  ${String(files.length).padStart(3)} ${label.padEnd(20)} ${detail}`];
  });
}

function checkedLine(check: CopyCheck, stubs: number): string {
  return `Checked: no file of ${solutionsFolder}/ or ${instructorFolder}/ in it, by name or by content, no hidden check's id and no backup; its ${stubs} stubs answer 501 "Not implemented yet" on all ${check.routes} routes and score 0 on all ${check.checks} checks.`;
}

function printProblems(problems: string[]): void {
  for (const problem of problems) console.error(`  ${problem}`);
}

async function checkOnly(given: string): Promise<number> {
  const dir = userPath(given);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`--check ${given}: no such folder: give the folder of a learner's copy`);
  const course = await loadCourse();
  const check = await checkCopy(dir, defaultLimits);
  if (check.problems.length > 0) {
    console.error(`error: ${dir} is not fit to hand out: ${check.problems.length} problem(s):`);
    printProblems(check.problems);
    return 1;
  }
  console.log(`${dir} holds:`);
  for (const line of contentLines(check, course)) console.log(line);
  console.log(checkedLine(check, course.length));
  return 0;
}

async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { out: { type: 'string' }, check: { type: 'string' }, help: { type: 'boolean' } } });
  if (values.help) {
    console.log(usage);
    return 0;
  }
  if (positionals.length > 0) throw new UsageError(`unexpected "${positionals[0]}": the folder goes after --out (npm run release -- --out <dir>)`);
  if (values.check !== undefined && values.out !== undefined) throw new UsageError('--out writes and checks a copy, --check checks one written earlier: give one of them');
  if (values.check !== undefined) return checkOnly(values.check);
  if (!values.out) throw new UsageError("--out <dir> is required: the new or empty folder to write the learner's copy to");
  const out = userPath(values.out);
  refuse(values.out, out);
  const course = await loadCourse();
  const { copied, written, strays, replaced, scripts } = plan(course);
  mkdirSync(path.dirname(out), { recursive: true });
  // Made as any new folder is (mkdtemp's would be private, 0700, and stay so once renamed into place).
  const staging = path.join(path.dirname(out), `.${path.basename(out)}.staging-${process.pid}-${randomBytes(4).toString('hex')}`);
  mkdirSync(staging);
  let check: CopyCheck;
  let samples: number;
  try {
    for (const file of copied) {
      mkdirSync(path.dirname(path.join(staging, file)), { recursive: true });
      copyFileSync(path.join(kitRoot, file), path.join(staging, file));
    }
    for (const [file, text] of Object.entries(written)) {
      mkdirSync(path.dirname(path.join(staging, file)), { recursive: true });
      writeFileSync(path.join(staging, file), text);
    }
    const readme = path.join(staging, 'README.md');
    const staged = readFileSync(readme, 'utf8');
    try {
      samples = readmeSamples(staged).length;
      writeFileSync(readme, await withCopySamples(staged, staging));
    } catch (error) {
      console.error(`error: the copy's README samples could not be made, so nothing was written to ${out}: ${error instanceof Error ? error.message : String(error)}`);
      return 1;
    }
    check = await checkCopy(staging, defaultLimits);
    if (check.problems.length === 0) {
      if (existsSync(out)) rmdirSync(out);
      renameSync(staging, out);
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  if (check.problems.length > 0) {
    console.error(`error: the copy failed its check, so nothing was written to ${out}; ${check.problems.length} problem(s), by path in the copy:`);
    printProblems(check.problems);
    return 1;
  }
  const total = [...check.contents.values()].reduce((sum, files) => sum + files.length, 0);
  const hidden = course.filter((exercise) => exercise.hiddenChecksIncluded).length;
  console.log(`Wrote a learner's copy of ${course.length} exercises to ${out}: ${total} files.`);
  for (const line of contentLines(check, course)) console.log(line);
  console.log(checkedLine(check, course.length));
  if (samples > 0) console.log(`The ${samples} sample outputs in its README were made by running the copy, with its public checks only.`);
  console.log(`Left out: ${solutionsFolder}/ (the solutions, the hidden checks of ${hidden} exercises, the known mistakes, their look-alikes and the correct variants), the instructor's tools (${instructorFolder}/), the tests, builds, state and caches.`);
  if (replaced.length > 0) console.log(`Not the stub in your kit, so the copy has the stub instead: ${replaced.join(', ')}.`);
  if (strays.length > 0) console.log(`Also left out, as no rule of the copy names them: ${strays.join(', ')}.`);
  console.log(`Its scripts: ${scripts.join(', ')}.`);
  console.log(`Learners run: cd ${out} && npm install && npm run grade`);
  return 0;
}

export const releaseCommand: Command = { name: 'release', summary: "write a learner's copy of the kit, and check it (for instructors)", run };
