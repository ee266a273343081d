/**
 * The check a learner's copy must pass before it is handed out: every file is one the copy's rules
 * place (`contents.ts`: nothing from `solutions/`, nothing from `grader/instructor/`, no tests); no
 * file, wherever it lies and whatever its name, holds the code of a file of `solutions/` (a
 * solution, hidden checks, a known mistake, a look-alike, a correct variant), of the instructor's
 * tools, or a hidden check's id; and every stub, graded by the kit's own grader, answers 501 "Not
 * implemented yet" on each of its routes and scores 0 on every check of the kit, hidden ones
 * included. Its README's sample outputs show the copy's maxima, not the kit's (`readme-check.ts`).
 */
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Check } from '../../engine/check-language/check.js';
import { expectAnswer } from '../../engine/check-language/expect.js';
import { loadCourse, withEveryCheckShown } from '../../engine/course/course.js';
import { gradeJobs, type GradedExercise, type Limits } from '../../engine/grading/grade.js';
import type { RouteInfo } from '../../engine/course/manifest.js';
import { kitRoot } from '../../engine/paths.js';
import type { ExerciseResult } from '../../engine/results.js';
import { instructorFolder, linkedDocs, placeOf, solutionPart, solutionsFolder, whyLeftOut, type FileKind } from './contents.js';
import { readmeProblems } from './readme-check.js';
import { stubAnswer, stubPath } from '../../engine/course/stubs.js';

export interface CopyCheck {
  /** One line per offending file: `<path>: <why>`; the copy may be handed out when empty. */
  problems: string[];
  /** The copy's files of each kind, by path. */
  contents: Map<FileKind, string[]>;
  /** The routes the stubs were heard answering 501 on, and the checks they scored 0 on. */
  routes: number;
  checks: number;
}

/** Every path under `root`, files and others, with `/`; an installed `node_modules` at the root is not the copy's own. */
function entriesOf(root: string, relative = ''): string[] {
  return readdirSync(path.join(root, relative), { withFileTypes: true }).flatMap((entry) => {
    const child = relative === '' ? entry.name : `${relative}/${entry.name}`;
    if (child === 'node_modules') return [];
    return entry.isDirectory() ? entriesOf(root, child) : [child];
  });
}

/** Whitespace-insensitive text, so that a reformatted copy of a secret still matches. */
function flat(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Something no file of a copy may contain, and what it is. */
interface Secret {
  /** Whitespace-flattened text, or a word that must stand alone (a check id, not the start of a longer one). */
  text: string;
  word?: RegExp;
  what: string;
}

/**
 * What no file of a copy may contain: the code of every file of `solutions/` and of the
 * instructor's tools, and the id of every hidden check, each with what it is. The instructor's list
 * of known mistakes is left out: the copy holds its public part by design, and its hidden part
 * (the ids of hidden checks) is looked for by id.
 */
function secretsOfKit(course: GradedExercise[]): Secret[] {
  const secrets: Secret[] = [];
  const files = (folder: string): string[] => {
    const full = path.join(kitRoot, folder);
    if (!lstatSync(full, { throwIfNoEntry: false })?.isDirectory()) return [];
    return entriesOf(full).filter((file) => /\.[cm]?[jt]s$/.test(file)).map((file) => `${folder}/${file}`);
  };
  const add = (file: string, what: string): void => {
    const text = flat(readFileSync(path.join(kitRoot, file), 'utf8'));
    if (text !== '') secrets.push({ text, what: `${what} (${file})` });
  };
  const mistakeList = new RegExp(`^${solutionsFolder}/[^/]+/mistakes\\.ts$`);
  for (const file of files(solutionsFolder).filter((name) => !mistakeList.test(name))) add(file, solutionPart(file));
  for (const file of files(instructorFolder)) add(file, "the instructor's tools' code");
  for (const check of course.flatMap((exercise) => exercise.checks).filter((candidate) => candidate.visibility === 'hidden')) {
    const word = new RegExp(`(?<![\\w/-])${check.id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w-])`);
    secrets.push({ text: check.id, word, what: `the id of the hidden check ${check.id}` });
  }
  return secrets;
}

/** The request path of `route`, its parameters filled in with the manifest's examples. */
function examplePath(route: RouteInfo): string {
  return route.path.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(route.fields?.find((field) => field.name === name)?.example ?? name));
}

/** One check per route the learner writes: a new visitor's request answers 501 "Not implemented yet". */
function stubProbe(exercise: GradedExercise): GradedExercise {
  const routes = exercise.info.routes.filter((route) => route.handler.startsWith('view:'));
  const checks: Check[] = routes.map((route) => ({
    id: `${exercise.info.slug}/stub ${route.method} ${route.path}`,
    title: `${route.method} ${route.path} answers 501 "${stubAnswer}"`,
    level: 'easy',
    visibility: 'public',
    points: 1,
    hint: `${route.handler.slice('view:'.length)} must answer as the stub does`,
    async run(t) {
      const visitor = t.visitor();
      const target = examplePath(route);
      const fields = Object.fromEntries((route.fields ?? []).filter((field) => !route.path.includes(`:${field.name}`)).map((field) => [field.name, field.example]));
      expectAnswer(route.method === 'GET' ? await visitor.get(target) : await visitor.post(target, fields), 501, stubAnswer);
    },
  }));
  return { info: exercise.info, checks, hiddenChecksIncluded: false, mistakes: [] };
}

/** What a stub's two gradings show is wrong with it, one line each. */
function stubGradingProblems(file: string, probe: ExerciseResult, course: ExerciseResult): string[] {
  const problems: string[] = [];
  const silent = probe.checks.filter((check) => !check.passed);
  if (probe.status !== 'passed') {
    const why = probe.message ?? silent.map((check) => check.message ?? check.title).join('; ');
    problems.push(`${file}: not every handler answers 501 "${stubAnswer}" (${probe.status}: ${why})`);
  }
  const passed = course.checks.filter((check) => check.passed);
  if (course.score !== 0 || passed.length > 0) problems.push(`${file}: scores ${course.score}/${course.maxScore}, passing ${passed.map((check) => check.id).join(', ')}: a stub scores 0`);
  return problems;
}

/** Checks the learner's copy at `copy` against the kit this grader belongs to. */
export async function checkCopy(copy: string, limits: Limits): Promise<CopyCheck> {
  const course = await loadCourse();
  const slugs = course.map((exercise) => exercise.info.slug);
  const readme = lstatSync(path.join(copy, 'README.md'), { throwIfNoEntry: false })?.isFile() ? readFileSync(path.join(copy, 'README.md'), 'utf8') : '';
  const docs = linkedDocs(readme);
  const problems: string[] = readmeProblems(readme, course);
  const contents = new Map<FileKind, string[]>();
  const texts: [string, string][] = [];
  for (const file of entriesOf(copy)) {
    const stat = lstatSync(path.join(copy, file));
    if (stat.isSymbolicLink()) problems.push(`${file}: a link, which could point anywhere in the kit`);
    else if (!stat.isFile()) problems.push(`${file}: not a plain file`);
    const placed = placeOf(file, slugs, docs);
    if (placed === null) {
      if (stat.isFile() || stat.isSymbolicLink()) problems.push(`${file}: ${whyLeftOut(file)}, which a learner's copy does not hold`);
    } else contents.set(placed.kind, [...(contents.get(placed.kind) ?? []), file]);
    if (stat.isFile()) texts.push([file, flat(readFileSync(path.join(copy, file), 'utf8'))]);
  }
  for (const secret of secretsOfKit(course)) {
    for (const [file, text] of texts) if (text.includes(secret.text) && (secret.word?.test(text) ?? true)) problems.push(`${file}: holds ${secret.what}`);
  }

  // The stubs reset puts back, and any working view.ts that is not one of them.
  const toGrade: { file: string; exercise: GradedExercise }[] = [];
  for (const exercise of course) {
    const { slug } = exercise.info;
    const working = `exercises/${slug}/view.ts`;
    const stub = path.join(copy, stubPath(slug));
    const stubFound = lstatSync(stub, { throwIfNoEntry: false })?.isFile() === true;
    if (stubFound) toGrade.push({ file: stubPath(slug), exercise });
    else problems.push(`${stubPath(slug)}: missing, so reset cannot put the stub back`);
    if (!lstatSync(path.join(copy, working), { throwIfNoEntry: false })?.isFile()) problems.push(`${working}: missing`);
    else if (!stubFound || readFileSync(path.join(copy, working), 'utf8') !== readFileSync(stub, 'utf8')) {
      problems.push(`${working}: not the stub (${stubPath(slug)})`);
      toGrade.push({ file: working, exercise });
    }
  }
  const jobs = toGrade.flatMap(({ file, exercise }) => [
    { exercise: stubProbe(exercise), file: path.join(copy, file) },
    { exercise: withEveryCheckShown(exercise), file: path.join(copy, file) },
  ]);
  const results = await gradeJobs(jobs, { limits, typecheck: false });
  let routes = 0;
  let checks = 0;
  toGrade.forEach(({ file, exercise }, index) => {
    const [probe, graded] = [results[2 * index], results[2 * index + 1]] as [ExerciseResult, ExerciseResult];
    problems.push(...stubGradingProblems(file, probe, graded));
    if (file === stubPath(exercise.info.slug)) {
      routes += probe.checks.length;
      checks += graded.checks.length;
    }
  });
  return { problems: [...new Set(problems)], contents, routes, checks };
}
