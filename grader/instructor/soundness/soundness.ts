/**
 * The kit check: proves the course is sound. The course list and the folders agree, every solution
 * gets full marks, every stub gets zero, every known mistake is caught by the checks it names,
 * every correct variant gets full marks, and each lesson, hint list and check is well formed.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Check } from '../../engine/check-language/check.js';
import type { KnownMistake } from '../../engine/check-language/mistake.js';
import { isUntouchedStub } from '../../engine/grading/not-started.js';
import { loadCourse, withEveryCheckShown } from '../../engine/course/course.js';
import { gradeJobs, type GradedExercise, type GradingJob, type Limits } from '../../engine/grading/grade.js';
import { typeWarnings } from '../../engine/grading/type-warnings.js';
import { gradedSectionProblems, hintNameProblems, lessonNameProblems, whyNotFullMarks } from './rules.js';
import { quizProblems } from './quiz-rules.js';
import { manifest, type ExerciseInfo } from '../../engine/course/manifest.js';
import { kitRoot } from '../../engine/paths.js';
import type { ExerciseResult } from '../../engine/results.js';
import { stubPath } from '../../engine/course/stubs.js';
import { slugProblem } from '../scaffold/names.js';

/** The sections every lesson has, in this order. */
export const lessonSections = ['## The idea', '## How a request flows', '## Step by step', '## Your task', '## Quiz'];

/** Where an exercise's known mistakes (the code of each) live: with the instructor's part of it. */
export function mistakesDir(slug: string): string {
  return path.join(kitRoot, 'solutions', slug, 'mistakes');
}

/** Where an exercise's correct variants live. */
export function variantsDir(slug: string): string {
  return path.join(kitRoot, 'solutions', slug, 'variants');
}

/** The folders that hold one folder per exercise, named by its slug, from the kit's root. */
export const exerciseFolders = ['exercises', 'solutions'];

export interface KitCheckReport {
  /** What was proven, one line each, for the readable report. */
  proven: string[];
  /** What is wrong; the kit is sound when this is empty. */
  problems: string[];
}

/** A known-wrong view, its code and its entry in the exercise's list of known mistakes. */
export interface MistakeUnderTest {
  slug: string;
  file: string;
  entry: KnownMistake;
  /** True for a look-alike: code failing the entry's checks for another reason, which must not get its name. */
  lookalike?: boolean;
}

/** Where an exercise's look-alikes live: beside its mistakes, apart, since they are not known mistakes. */
export function lookalikesDir(slug: string): string {
  return path.join(kitRoot, 'solutions', slug, 'lookalikes');
}

/**
 * The file of a look-alike named in an entry: code of its own in `lookalikes/`, or another known
 * mistake of the exercise that fails the same checks (the best proof: both are named apart). Null
 * when neither exists.
 */
export function lookalikeFile(slug: string, name: string): string | null {
  const own = path.join(lookalikesDir(slug), `${name}.ts`);
  if (existsSync(own)) return own;
  const mistake = path.join(mistakesDir(slug), `${name}.ts`);
  return existsSync(mistake) ? mistake : null;
}

/** Whether the mistake file `id` (its name without `.ts`) is the entry's own code or more of it. */
function entryOfFile(entry: KnownMistake, id: string): boolean {
  return entry.id === id || (entry.also ?? []).includes(id);
}

/** What is wrong between an exercise's mistake files and its list (`solutions/<slug>/mistakes.ts`). */
export function mistakeListProblems(slug: string, files: string[], entries: readonly KnownMistake[], checks: readonly Check[]): string[] {
  const list = `solutions/${slug}/mistakes.ts`;
  const problems: string[] = [];
  const ids = files.map((file) => path.basename(file, '.ts'));
  for (const id of ids) {
    if (!entries.some((entry) => entryOfFile(entry, id))) problems.push(`solutions/${slug}/mistakes/${id}.ts has no entry in ${list}: give it a title, a hint and the checks it fails, or name it in another entry's also`);
  }
  for (const entry of entries) {
    for (const id of [entry.id, ...(entry.also ?? [])]) if (!ids.includes(id)) problems.push(`${list} lists ${id}, but solutions/${slug}/mistakes/${id}.ts is missing`);
    if (entry.title.trim() === '' || entry.hint.trim() === '') problems.push(`${list}: ${entry.id} needs a title and a hint`);
    // A pattern of failed checks fits other bugs too: the name must rest on what the app was seen to do.
    if (entry.evidence === undefined) problems.push(`${list}: ${entry.id} has no evidence: say what the grader sees of this mistake alone (seen.answered, seen.threw, seen.stored …)`);
    for (const name of entry.lookalikes ?? []) {
      if (lookalikeFile(slug, name) === null) problems.push(`${list}: ${entry.id} names the look-alike ${name}, but neither solutions/${slug}/lookalikes/${name}.ts nor solutions/${slug}/mistakes/${name}.ts exists`);
    }
    if (entry.evidence !== undefined && (entry.lookalikes ?? []).length === 0 && (entry.noLookalike ?? '').trim() === '') {
      problems.push(
        `${list}: ${entry.id} has no look-alike: write code that fails the same checks for another reason in solutions/${slug}/lookalikes/ and name it in lookalikes (another known mistake with the same checks will do), or say in noLookalike why none can be written`,
      );
    }
    for (const id of entry.fails) if (!checks.some((check) => check.id === id)) problems.push(`${list}: ${entry.id} names the check ${id}, which ${slug} does not have`);
    // A learner's copy runs public checks only: a mistake none of them fails goes unnoticed there.
    const caughtInPublic = entry.fails.some((id) => checks.some((check) => check.id === id && check.visibility === 'public'));
    if (!caughtInPublic && (entry.onlyHidden ?? '').trim() === '') {
      problems.push(
        `${list}: ${entry.id} is caught by hidden checks only, so a learner's copy cannot tell the learner: add a public check that catches it, or say in onlyHidden why only a hidden check can`,
      );
    }
  }
  return problems;
}

/** The known mistake every exercise lists: its data in a map of the module's own, a copy in the session that nothing reads. */
export const copyBesideSession = 'copy-kept-beside-session';

/**
 * Every exercise keeps its data in the session, so every exercise must prove that its answers come
 * from the session store: a public check that rewrites the stored session and wants the answers to
 * follow (`storeFollowed`), which the known mistake `copy-kept-beside-session` alone fails. Without
 * it, a learner's copy passes code that never reads the session back.
 */
export function storeFollowedProblems(slug: string, entries: readonly KnownMistake[], checks: readonly Check[]): string[] {
  const list = `solutions/${slug}/mistakes.ts`;
  const entry = entries.find((known) => known.id === copyBesideSession);
  if (!entry) {
    return [`${list} does not list ${copyBesideSession}: write its code (the data in a Map keyed by req.sessionID, a copy in the session that nothing reads) and a public check with storeFollowed that it alone fails`];
  }
  const publicOnes = entry.fails.filter((id) => checks.some((check) => check.id === id && check.visibility === 'public'));
  if (entry.fails.length !== 1 || publicOnes.length !== 1) {
    return [`${list}: ${copyBesideSession} must fail exactly one check, a public one that follows the store (storeFollowed); it lists ${entry.fails.join(', ') || 'none'}`];
  }
  return [];
}

/**
 * Why a known mistake's grading does not prove what its entry says; empty when it does. It must
 * run (a mistake that no longer loads is a problem, not a catch) and fail exactly the checks listed,
 * so that a learner's result showing that pattern can be named.
 */
export function judgeMistake(mistake: MistakeUnderTest, result: ExerciseResult): string[] {
  const name = path.relative(kitRoot, mistake.file);
  const { entry } = mistake;
  if (result.status !== 'failed') return [`${name} did not run as a ${mistake.lookalike ? 'look-alike' : 'known mistake'} should: ${result.status}${result.message ? ` (${result.message})` : ''}`];
  const failed = result.checks.filter((check) => !check.passed).map((check) => check.id);
  const listed = entry.fails;
  if (failed.length === listed.length && failed.every((id) => listed.includes(id))) {
    const named = result.mistakes.find((match) => match.id === entry.id);
    if (mistake.lookalike) return named ? [`${name}, a look-alike of ${entry.id}, is given its name: its evidence must tell them apart`] : [];
    // The report must name it for a learner who makes it: its evidence must be seen too.
    if (named && (named.certain || entry.evidence === undefined)) return [];
    return [`${name} is not named when graded: its evidence was not seen in what its failed checks saw`];
  }
  const write = failed.map((id) => `'${id}'`).join(', ');
  if (mistake.lookalike) return [`${name}, a look-alike of ${entry.id}, fails ${failed.join(', ') || 'no check'}: a look-alike must fail exactly the checks ${entry.id} fails`];
  return [`${name} fails ${failed.join(', ') || 'no check'}, not what solutions/${mistake.slug}/mistakes.ts lists for it: write fails: [${write}]`];
}

function tsFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.ts'))
    .sort()
    .map((name) => path.join(dir, name));
}

function folders(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);
}

/** What the first checks of the kit check found, by the line of the report that each one holds back. */
interface WritingProblems {
  /** Slugs, folders, required files and checks. */
  layout: string[];
  /** Lessons, stubs and hints, against each other and against their exercise.json. */
  writing: string[];
  /** The lessons' "What is graded" lists, against the checks. */
  graded: string[];
}

function checkLayout(exercises: GradedExercise[]): WritingProblems {
  const problems: string[] = [];
  const writing: string[] = [];
  const graded: string[] = [];
  const slugs = manifest.exercises.map((exercise) => exercise.slug);
  for (const slug of slugs) {
    const problem = slugProblem(slug);
    if (problem) problems.push(`slug ${problem}`);
    if (slugs.indexOf(slug) !== slugs.lastIndexOf(slug)) problems.push(`slug "${slug}" is in exercises/course.json twice`);
  }
  for (const dir of exerciseFolders) {
    for (const folder of folders(path.join(kitRoot, dir))) {
      if (!slugs.includes(folder)) problems.push(`${dir}/${folder} is not an exercise of exercises/course.json: add its slug there, or remove the folder`);
    }
  }
  const ids = new Map<string, string>();
  for (const { info, checks } of exercises) {
    const { slug } = info;
    for (const required of [stubPath(slug), `exercises/${slug}/README.md`, `solutions/${slug}/view.ts`]) {
      if (!existsSync(path.join(kitRoot, required))) problems.push(`${required} is missing`);
    }
    const stubFile = path.join(kitRoot, stubPath(slug));
    if (existsSync(stubFile)) {
      const stub = readFileSync(stubFile, 'utf8');
      writing.push(...stubProblems(info, stub), ...workingStubProblems(info, stub));
    }
    const readme = path.join(kitRoot, 'exercises', slug, 'README.md');
    if (existsSync(readme)) {
      const lesson = readFileSync(readme, 'utf8');
      writing.push(...lessonProblems(info, lesson), ...lessonNameProblems(info, lesson, manifest.exercises));
      graded.push(...gradedSectionProblems(slug, checks, lesson));
    }
    writing.push(...hintProblems(info), ...hintNameProblems(info, checks, manifest.exercises), ...quizProblems(slug));
    if (checks.length === 0) problems.push(`${slug} has no checks (exercises/${slug}/checks.ts)`);
    if (!checks.some((check) => check.visibility === 'public')) problems.push(`${slug} has no public check`);
    problems.push(...checkChecks(slug, checks, ids));
  }
  return { layout: problems, writing, graded };
}

/**
 * What is wrong with a lesson: its sections (all of them, in order), its first heading (the
 * exercise's title), how to grade it (`npm run grade -- <slug>`), and a quiz with its answers.
 */
export function lessonProblems(info: ExerciseInfo, text: string): string[] {
  const name = `exercises/${info.slug}/README.md`;
  const problems: string[] = [];
  const positions = lessonSections.map((section) => text.indexOf(`\n${section}\n`));
  const missing = lessonSections.filter((_, index) => positions[index] === -1);
  if (missing.length > 0) problems.push(`${name} lacks ${missing.join(', ')}`);
  else if (positions.some((at, index) => index > 0 && at < (positions[index - 1] ?? 0))) {
    problems.push(`${name} has its sections out of order (${lessonSections.join(', ')})`);
  }
  const heading = /^# (.+)$/m.exec(text)?.[1]?.trim();
  if (heading !== info.title) problems.push(`${name} starts with "# ${heading ?? ''}", not the exercise's title "# ${info.title}"`);
  if (!text.includes(`npm run grade -- ${info.slug}`)) problems.push(`${name} does not say how to grade it (\`npm run grade -- ${info.slug}\`)`);
  const quiz = positions.at(-1) ?? -1;
  if (quiz !== -1 && !text.slice(quiz).includes('<details>')) problems.push(`${name} has a quiz without answers (<details><summary>Answer</summary> … </details>)`);
  return problems;
}

/**
 * What is wrong with a stub: each handler the routes need (`view:<name>`) is exported and says,
 * in a `// TODO`, what the learner writes there.
 */
export function stubProblems(info: ExerciseInfo, source: string): string[] {
  const name = stubPath(info.slug);
  const problems: string[] = [];
  if (!source.includes('// TODO')) problems.push(`${name} has no // TODO marking what to write`);
  for (const route of info.routes) {
    if (!route.handler.startsWith('view:')) continue;
    const handler = route.handler.slice('view:'.length);
    const declaration = new RegExp(`^export\\s+(?:async\\s+)?(?:function\\s+|const\\s+)${handler}\\b`, 'm').exec(source);
    if (!declaration) {
      problems.push(`${name} does not export ${handler}, the handler of ${route.method} ${route.path}`);
      continue;
    }
    const rest = source.slice(declaration.index + declaration[0].length);
    const next = rest.search(/^export\s/m);
    if (!(next === -1 ? rest : rest.slice(0, next)).includes('// TODO')) {
      problems.push(`${name}: ${handler} (${route.method} ${route.path}) has no // TODO saying what to write there`);
    }
  }
  return problems;
}

/**
 * What is wrong with the kit's own `exercises/<slug>/view.ts`: missing, or an older stub than the
 * one the course hands out (an edit made to the working file instead of `.stub/view.ts`). A view
 * that is not a stub (the instructor's own work) is left alone: releases and resets never read it.
 */
export function workingStubProblems(info: ExerciseInfo, stub: string): string[] {
  const file = path.join(kitRoot, 'exercises', info.slug, 'view.ts');
  if (!existsSync(file)) return [`exercises/${info.slug}/view.ts is missing: npm run reset -- ${info.slug} puts the stub back`];
  const working = readFileSync(file, 'utf8');
  if (working === stub || !isUntouchedStub(working, info)) return [];
  return [`exercises/${info.slug}/view.ts is a stub other than ${stubPath(info.slug)}, the one learners get: make the change there, then npm run reset -- ${info.slug}`];
}

/**
 * How much code a hint shows: spans in backticks, plus code written bare (`a.b`, `f(`, `??`, `===`,
 * `=>`, ` = `, `+=`). The measure behind "progressive hints": a first hint is a nudge that names
 * the idea, a last one nearly gives the code.
 */
export function codeShown(hint: string): number {
  const spans = hint.match(/`[^`]+`/g) ?? [];
  const bare = hint.replace(/`[^`]+`/g, ' ').match(/[\w$]+(?:\.[\w$]+)+|[\w$]\(|\?\?|[=!]==?|=>|\s=\s|\+=|\+\+/g) ?? [];
  return spans.length + bare.length;
}

/**
 * What is wrong with an exercise's hints: at least two, none empty or repeated, and progressive:
 * no later hint shows less code than the first (a nudge), and the last shows more (nearly the
 * answer). A middle hint may show less code than the one before it when it turns to another handler.
 */
export function hintProblems(info: ExerciseInfo): string[] {
  const { slug, hints } = info;
  if (hints.length < 2) return [`${slug} has ${hints.length} hint(s): give at least two, from a nudge to nearly the answer`];
  const problems: string[] = [];
  hints.forEach((hint, index) => {
    if (hint.trim() === '') problems.push(`${slug}'s hint ${index + 1} is empty`);
    const earlier = hints.indexOf(hint);
    if (earlier < index) problems.push(`${slug}'s hint ${index + 1} repeats hint ${earlier + 1}`);
  });
  const code = hints.map(codeShown);
  const first = code[0] ?? 0;
  const lessThanFirst = code.findIndex((shown) => shown < first);
  if (lessThanFirst !== -1) {
    problems.push(`${slug}'s hint ${lessThanFirst + 1} shows less code than its first: start with a nudge that names the idea, then get more specific`);
  }
  if ((code.at(-1) ?? 0) <= first) {
    problems.push(`${slug}'s last hint shows no more code than its first: hints go from a nudge to nearly the answer`);
  }
  return problems;
}

function checkChecks(slug: string, checks: Check[], ids: Map<string, string>): string[] {
  const problems: string[] = [];
  for (const check of checks) {
    if (ids.has(check.id)) problems.push(`check id ${check.id} is used twice (${ids.get(check.id)} and ${slug})`);
    ids.set(check.id, slug);
    if (!check.id.startsWith(`${slug}/`)) problems.push(`check id ${check.id} does not start with "${slug}/"`);
    if (!(check.points > 0)) problems.push(`check ${check.id} is worth ${check.points} points`);
    if (check.hint.trim() === '' || check.title.trim() === '') problems.push(`check ${check.id} needs a title and a hint`);
    const twin = checks.find((other) => other !== check && other.title === check.title);
    // A lesson's "What is graded" and the report tell checks apart by their titles.
    if (twin && checks.indexOf(twin) < checks.indexOf(check)) problems.push(`check ${check.id} has the title of ${twin.id}, "${check.title}": give it a title of its own`);
  }
  return problems;
}

/** Runs the whole kit check. */
export async function checkKit(limits: Limits): Promise<KitCheckReport> {
  const exercises = await loadCourse();
  const problems: string[] = [];
  const proven: string[] = [];
  // A ✔ line is printed only when nothing it counts went wrong.
  const claim = (line: string, found: readonly string[]): void => {
    problems.push(...found);
    if (found.length === 0) proven.push(line);
  };
  const { layout, writing, graded } = checkLayout(exercises);
  const checkCount = exercises.reduce((sum, exercise) => sum + exercise.checks.length, 0);
  claim(`${exercises.length} exercises and ${checkCount} checks agree with exercises/course.json and their folders`, layout);
  claim(`${exercises.length} lessons, stubs, hint lists and quizzes are well formed, with their exercise.json's routes and handlers`, writing);
  claim(`${exercises.length} lessons list their checks under "What is graded", as the checks title them`, graded);
  const job = (exercise: GradedExercise, file: string): GradingJob => ({ exercise, file });
  // Authors must see why a hidden check failed a view that should pass: the kit check shows every message.
  const solutions = exercises.map((exercise) => job(withEveryCheckShown(exercise), path.join(kitRoot, 'solutions', exercise.info.slug, 'view.ts')));
  const stubs = exercises.map((exercise) => job(exercise, path.join(kitRoot, stubPath(exercise.info.slug))));
  const mistakes: MistakeUnderTest[] = [];
  const lookalikes: MistakeUnderTest[] = [];
  const mistakeProblems: string[] = [];
  const variants: GradingJob[] = [];
  for (const exercise of exercises) {
    const { slug } = exercise.info;
    const files = tsFiles(mistakesDir(slug));
    const entries = exercise.mistakes ?? [];
    mistakeProblems.push(...mistakeListProblems(slug, files, entries, exercise.checks));
    mistakeProblems.push(...storeFollowedProblems(slug, entries, exercise.checks));
    for (const file of files) {
      const entry = entries.find((candidate) => entryOfFile(candidate, path.basename(file, '.ts')));
      if (entry) mistakes.push({ slug, file, entry });
    }
    for (const entry of entries) {
      for (const name of entry.lookalikes ?? []) {
        const file = lookalikeFile(slug, name);
        if (file !== null) lookalikes.push({ slug, file, entry, lookalike: true });
      }
    }
    variants.push(...tsFiles(variantsDir(slug)).map((file) => job(withEveryCheckShown(exercise), file)));
  }
  const byslug = new Map(exercises.map((exercise) => [exercise.info.slug, exercise]));
  const mistakeJobs = [...mistakes, ...lookalikes].map((mistake) => job(byslug.get(mistake.slug) as GradedExercise, mistake.file));
  // Learners see type warnings: the kit's own stubs and solutions must not give them any.
  const typed = typeWarnings([...solutions, ...stubs].map((entry) => entry.file));
  const results = await gradeJobs([...solutions, ...stubs, ...mistakeJobs, ...variants], { limits, typecheck: false });
  const typeProblems = [...(await typed)].flatMap(([file, warnings]) =>
    warnings.map((warning) => `${path.relative(kitRoot, file)}:${warning.line}:${warning.column} has a type error: ${warning.message}`),
  );
  claim(`${solutions.length + stubs.length} stubs and solutions type-check clean`, typeProblems);
  let at = 0;
  const next = (count: number): ExerciseResult[] => results.slice(at, (at += count));

  claim(
    `${solutions.length} solutions get full marks`,
    next(solutions.length)
      .filter((result) => result.score !== result.maxScore)
      .map((result) => `solutions/${result.slug}/view.ts scores ${result.score}/${result.maxScore}: ${whyNotFullMarks(result)}`),
  );
  claim(
    `${stubs.length} stubs get zero`,
    next(stubs.length)
      .filter((result) => result.score !== 0)
      .map((result) => `${stubPath(result.slug)} (the stub) scores ${result.score}/${result.maxScore}; passed: ${result.checks.filter((c) => c.passed).map((c) => c.id).join(', ')}`),
  );
  const mistakeResults = next(mistakeJobs.length);
  [...mistakes, ...lookalikes].forEach((mistake, index) => {
    mistakeProblems.push(...judgeMistake(mistake, mistakeResults[index] as ExerciseResult));
  });
  claim(
    `${mistakes.length} known mistakes fail exactly the checks their list names and are named by their evidence; ${lookalikes.length} look-alikes fail the same checks and are not`,
    mistakeProblems,
  );
  claim(
    `${variants.length} correct variants get full marks`,
    next(variants.length).flatMap((result, index) =>
      result.score === result.maxScore ? [] : [`${path.relative(kitRoot, variants[index]?.file ?? '')} (a correct variant) scores ${result.score}/${result.maxScore}: ${whyNotFullMarks(result)}`],
    ),
  );
  return { proven, problems };
}
