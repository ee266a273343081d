/**
 * A class on disk: one folder per learner under the submissions folder, the learner id being the
 * folder's name, or one zip per learner (`bob.zip` is learner `bob`). A learner's folder is either
 * a folder of exercise folders or a whole copy of the kit (an `exercises/` folder inside), possibly
 * wrapped in one or two folders more, as zipping a folder instead of its contents leaves it
 * (`george/session-kit-main/exercises/…`); a zip at the top of a learner's folder is unpacked and
 * looked into as well (`unzip.ts`), one level only: a zip inside a zip is named, not unpacked.
 * When the work is found in two copies, the one with more exercises started is graded and the
 * learner told so (`copies.ts`). A folder that cannot be graded is still a learner, its hand-in
 * saying why and, for near misses, what was meant (`near-misses.ts`), so that no learner goes
 * missing from the gradebook.
 *
 * The folders are a stranger's: a learner's folder (or its `exercises/`) may be a link into the
 * kit's solutions, and any entry may be a FIFO or a device. Finding learners only lists folders
 * and looks at entries with `lstat`; no file is opened here except through `readView` and the zip
 * reader. Zips are unpacked into a staging folder the class run owns, never beside the learner's work.
 */
import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';
import type { GradedExercise, Limits } from '../../engine/grading/grade.js';
import { quizAnswersFile } from '../../engine/grading/quiz-answers.js';
import { gradedFolderOf, ownExtensions, readView } from '../../engine/grading/read-view.js';
import { manifest } from '../../engine/course/manifest.js';
import { bestCopy, choiceNote, copiesIn, wrappingDepth, type Copy, type Refusal } from './copies.js';
import { nearMisses } from './near-misses.js';
import { Staging } from './staging.js';

/** The hand-in: whether a learner's folder could be graded, and if not, why. */
export type HandInState = 'graded' | 'empty' | 'no-exercises' | 'unreadable' | 'link-outside' | 'zip-refused';

export interface Submission {
  /** The learner id: the folder's name, or the zip's without `.zip`. */
  id: string;
  /** The learner's folder as graded: as found under the submissions folder, or the folder its zip was unpacked into. */
  folder: string;
  /** The folder holding `<slug>/view.ts`: `folder/exercises` for a copy of the kit, else `folder`, or either inside wrapping folders. */
  exercisesDir: string;
  /** The wrapping folders the work was found in (`session-kit-main`), relative to `folder`; null when it was where expected. */
  wrappedIn: string | null;
  handIn: HandInState;
  /** Why it cannot be graded, in words; null when it can. Like `note`, it may hold a learner's names as they are: outputs escape it. */
  reason: string | null;
  /** Exercises graded from a folder named otherwise (`Favorite-Color` for `favorite-color`): slug → folder name. */
  renamed: Readonly<Record<string, string>>;
  /** What the learner should know of how the hand-in was read (a zip unpacked, the copy graded and why, a folder's name); null when nothing. */
  note: string | null;
}

/** Which slice of a class one machine grades: learners sorted by id, every n-th from the k-th. */
export interface Shard {
  index: number;
  count: number;
}

/** The file graded for exercise `slug`. */
export function viewFile(submission: Submission, slug: string): string {
  return path.join(submission.exercisesDir, submission.renamed[slug] ?? slug, 'view.ts');
}

/** Strictly below `parent`, both being real paths (links resolved). */
function isInside(child: string, parent: string): boolean {
  const relative = path.relative(parent, child);
  return relative !== '' && relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? String(error);
}

/** Names that are not learners' work: hidden files and folders (.git, .DS_Store). */
function visible(name: string): boolean {
  return !name.startsWith('.');
}

function notGradable(id: string, folder: string, handIn: Exclude<HandInState, 'graded'>, reason: string): Submission {
  return { id, folder, exercisesDir: folder, wrappedIn: null, handIn, reason, renamed: {}, note: null };
}

function refused(id: string, refusal: Refusal): Submission {
  return notGradable(id, refusal.folder, refusal.handIn, refusal.reason);
}

function unreadable(id: string, folder: string, error: unknown): Submission {
  return notGradable(id, folder, 'unreadable', `the folder cannot be read (${errorCode(error)})`);
}

/** Zips at the top of a learner's folder that are unpacked: a hand-in is one zip, a few at most. */
const zipsLooked = 4;

const everySlug: ReadonlySet<string> = new Set(manifest.exercises.map((info) => info.slug));

function noExercises(id: string, folder: string, exercisesDir: string, hints: (string | null)[]): Submission {
  const hint = hints.find((text) => text !== null);
  const looked = `no exercise folder with a view.ts (looked for <slug>/view.ts and exercises/<slug>/view.ts, also ${wrappingDepth} folders down)`;
  return { ...notGradable(id, folder, 'no-exercises', hint ? `${looked}; ${hint}` : looked), exercisesDir };
}

/** The hand-in graded from `chosen`, with what the learner should know of how it was read. */
function graded(id: string, chosen: Copy, copies: readonly Copy[]): Submission {
  const renamed = Object.fromEntries([...chosen.folders].filter(([slug, name]) => slug !== name));
  const renamedText = Object.entries(renamed).map(([slug, name]) => `${name}/ was graded as ${slug}/: name it so`);
  const missing = new Set([...everySlug].filter((slug) => !chosen.folders.has(slug)));
  const hint = missing.size > 0 ? nearMisses(chosen.exercisesDir, missing, false) : null;
  const notes = [choiceNote(chosen, copies), ...renamedText, hint].filter((text): text is string => text !== null);
  const wrappedIn = path.relative(chosen.root, chosen.exercisesDir).replace(/(^|[/\\])exercises$/, '');
  return {
    id,
    folder: chosen.root,
    exercisesDir: chosen.exercisesDir,
    wrappedIn: wrappedIn === '' ? null : wrappedIn,
    handIn: 'graded',
    reason: null,
    renamed,
    note: notes.length > 0 ? notes.join('; ') : null,
  };
}

/**
 * A learner's folder (`learnerReal` its real path, already known to be inside the class). With a
 * `staging` folder, the zips at its top are unpacked there and looked into as copies of the work.
 */
function describe(id: string, folder: string, learnerReal: string, staging: Staging | null): Submission {
  let names: string[];
  try {
    names = readdirSync(folder).filter(visible);
  } catch (error) {
    return unreadable(id, folder, error);
  }
  if (names.length === 0) return notGradable(id, folder, 'empty', 'the folder is empty');
  const found = copiesIn(folder, learnerReal, '');
  const zips = staging === null ? null : zipsIn(id, folder, names, staging);
  const copies = [...found.copies, ...(zips?.copies ?? [])];
  if (copies.length > 0) return graded(id, bestCopy(copies), copies);
  if (found.refusal) return refused(id, found.refusal);
  if (zips && zips.refusals.length > 0) return notGradable(id, folder, 'zip-refused', zips.refusals.join('; '));
  return noExercises(id, folder, found.exercisesDir, [nearMisses(folder, everySlug, zips !== null && zips.stage !== null), zips?.stage ? nearMisses(zips.stage, everySlug, false) : null]);
}

/** The copies of the work in the zips at the top of a learner's folder, unpacked into `staging`, and why any were refused. */
function zipsIn(id: string, folder: string, names: readonly string[], staging: Staging): { copies: Copy[]; refusals: string[]; stage: string | null } {
  const zips = names.filter((name) => /\.zip$/i.test(name) && isFile(path.join(folder, name))).sort().slice(0, zipsLooked);
  const copies: Copy[] = [];
  const refusals: string[] = [];
  let stage: string | null = null;
  for (const zip of zips) {
    stage ??= staging.folderFor(id);
    const into = path.join(stage, zip);
    const refusal = staging.unpack(path.join(folder, zip), into);
    if (refusal === null) copies.push(...copiesIn(into, realpathSync(into), zip, stage).copies);
    else refusals.push(`${zip}: ${refusal}`);
  }
  return { copies, refusals, stage };
}

/** A regular file, not a link: the only kind of zip that is unpacked. */
function isFile(file: string): boolean {
  try {
    return lstatSync(file).isFile();
  } catch {
    return false;
  }
}

/** A learner handed in as `name`, a zip in the class folder: unpacked into the staging folder, then read as a folder. */
function zipLearner(dir: string, name: string, id: string, staging: Staging): Submission {
  const file = path.join(dir, name);
  const stage = staging.folderFor(id);
  const refusal = staging.unpack(file, stage);
  if (refusal !== null) return notGradable(id, file, 'zip-refused', `${name}: ${refusal}`);
  const submission = describe(id, stage, realpathSync(stage), null);
  if (submission.handIn === 'empty') return notGradable(id, file, 'empty', `${name} is empty`);
  return submission;
}
/**
 * A learner of the class known by id, whose work is read (its folder listed, its zips unpacked)
 * only when described: a shard describes its own learners alone.
 */
export interface FoundLearner {
  id: string;
  describe(): Submission;
}

const known = (submission: Submission): FoundLearner => ({ id: submission.id, describe: () => submission });

/**
 * The learner an entry of the class folder is: a folder, or a link to a folder inside the class
 * folder; null for anything else (loose files, FIFOs, links to files), which is not a learner.
 */
function learnerAt(dir: string, classReal: string, name: string, isFolder: boolean, isLink: boolean, staging: Staging | null): FoundLearner | null {
  const found = folderAt(dir, classReal, name, isFolder, isLink);
  if (found === null || 'handIn' in found) return found && known(found);
  return { id: name, describe: () => describe(name, found.folder, found.real, staging) };
}

/** The folder a class entry leads to, a Submission saying why it cannot be read, or null when it is no learner. */
function folderAt(dir: string, classReal: string, name: string, isFolder: boolean, isLink: boolean): { folder: string; real: string } | Submission | null {
  const folder = path.join(dir, name);
  if (!isFolder && !isLink) return null;
  let real: string;
  try {
    real = realpathSync(folder);
  } catch (error) {
    // A name that is not UTF-8 comes back from readdir with U+FFFD in it, a path that leads nowhere.
    if (name.includes('\ufffd') && errorCode(error) === 'ENOENT') {
      return notGradable(name, folder, 'unreadable', "the folder's name is not valid UTF-8: rename the folder to grade it");
    }
    // A link to nothing is a learner whose work cannot be read.
    return unreadable(name, folder, error);
  }
  if (!isInside(real, classReal)) {
    return notGradable(name, folder, 'link-outside', 'the folder is a link out of the submissions folder: only work inside it is graded (copy the folder in instead)');
  }
  try {
    if (!statSync(real).isDirectory()) return null;
  } catch (error) {
    return unreadable(name, folder, error);
  }
  return { folder, real };
}

/**
 * Every learner under `dir`, sorted by id (code-unit order, the same on every machine). Zips are
 * unpacked into `staging` (a folder the caller owns and empties); without one, they are not learners.
 */
export function findSubmissions(dir: string, stagingDir: string | null = null): Submission[] {
  return classLearners(dir, stagingDir).map((learner) => learner.describe());
}

/**
 * Every learner under `dir` by id, sorted as `findSubmissions` sorts them, with nothing read
 * beyond the class folder's own entries: zips are unpacked into `staging` as each is described.
 */
export function classLearners(dir: string, stagingDir: string | null = null): FoundLearner[] {
  const classReal = realpathSync(dir);
  const staging = stagingDir === null ? null : new Staging(stagingDir);
  const learners: FoundLearner[] = [];
  const entries = readdirSync(dir, { withFileTypes: true }).filter((entry) => visible(entry.name));
  const folders = new Set(entries.filter((entry) => !entry.isFile()).map((entry) => entry.name));
  const isZip = (entry: Dirent): boolean => entry.isFile() && /\.zip$/i.test(entry.name);
  const bareOf = (name: string): string => name.slice(0, -'.zip'.length);
  const zipsNamed = new Map<string, number>();
  for (const entry of entries.filter(isZip)) zipsNamed.set(bareOf(entry.name), (zipsNamed.get(bareOf(entry.name)) ?? 0) + 1);
  for (const entry of entries) {
    if (staging !== null && isZip(entry)) {
      // `bob.zip` is learner `bob`, unless a folder `bob` is a learner too, or another zip would be
      // (`bob.ZIP`): then each keeps its whole name, so that no two learners share an id.
      const bare = bareOf(entry.name);
      const own = bare !== '' && !folders.has(bare) && zipsNamed.get(bare) === 1;
      const id = own ? bare : entry.name;
      learners.push({ id, describe: () => zipLearner(dir, entry.name, id, staging) });
      continue;
    }
    const learner = learnerAt(dir, classReal, entry.name, entry.isDirectory(), entry.isSymbolicLink(), staging);
    if (learner) learners.push(learner);
  }
  return learners.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Parses `k/n` (1 ≤ k ≤ n); null when it is not one. */
export function parseShard(text: string): Shard | null {
  const match = /^(\d+)\/(\d+)$/.exec(text);
  if (!match) return null;
  const index = Number(match[1]);
  const count = Number(match[2]);
  return count >= 1 && index >= 1 && index <= count ? { index, count } : null;
}

/** The learners of one shard: the k-th of every n, in id order, so shards never overlap. */
export function shardOf<T>(sorted: readonly T[], shard: Shard | null): T[] {
  return shard ? sorted.filter((_, position) => position % shard.count === shard.index - 1) : [...sorted];
}

/** What a result depends on besides the learner's files: a change to any of them means regrading. */
export interface GradingSettings {
  exercises: GradedExercise[];
  limits: Limits;
  typecheck: boolean;
  /**
   * The grader's build (`graderBuild()`): results written by another grader may differ in status
   * or shape (a status it did not know, a field it did not write), so they are not kept.
   */
  grader: string;
}

/**
 * A content fingerprint of what grading this learner reads (each graded `view.ts` and the code
 * files beside it, its quiz's answers, each read as grading reads it from a folder or from a zip's
 * unpacking, or why it is refused; the copy chosen and why; why a hand-in is refused) and of how it
 * is graded (the grader, the checks, their points, the quiz's key, the limits).
 * Null for a folder that could not be read, which is always tried again.
 */
export function fingerprint(submission: Submission, settings: GradingSettings): string | null {
  if (submission.handIn === 'unreadable') return null;
  const hash = createHash('sha256');
  hash.update(JSON.stringify({
    handIn: submission.handIn,
    reason: submission.reason,
    renamed: submission.renamed,
    note: submission.note,
    limits: settings.limits,
    typecheck: settings.typecheck,
    grader: settings.grader,
    course: settings.exercises.map((exercise) => [exercise.info.slug, exercise.checks.map((check) => `${check.id}:${check.points}:${check.visibility}`)]),
  }));
  for (const exercise of settings.exercises) {
    const file = viewFile(submission, exercise.info.slug);
    const read = readView(file);
    hash.update(`\0${exercise.info.slug}\0`);
    hash.update(read.ok ? createHash('sha256').update(read.source).digest('hex') : read.absent ? 'missing' : read.status);
    // What else grading reads of the exercise: the files the view may import, the quiz's answers, and the key they are scored by.
    hash.update(`\0code\0${createHash('sha256').update(codeBeside(path.dirname(file))).digest('hex')}`);
    const answers = readView(quizAnswersFile(path.dirname(file)), gradedFolderOf(file));
    hash.update(`\0quiz\0${answers.ok ? createHash('sha256').update(answers.source).digest('hex') : answers.absent ? 'missing' : answers.status}`);
    const quiz = exercise.quiz;
    hash.update(`\0key\0${quiz ? JSON.stringify(quiz.questions.map((question) => [question.id, question.level, quiz.answerOf(question.id).answer])) : 'none'}`);
  }
  return `sha256:${hash.digest('hex')}`;
}

/** How many code files of one exercise's folder a fingerprint reads, and how deep: a view imports a few helpers at most. */
const codeFilesRead = 200;
const codeDepth = 4;

/**
 * The code files of an exercise's folder other than its view (what `grading/compile.ts` lets a
 * view import: any `.ts` or `.js` file in the folder or below it), each name with its text read
 * as a view is, or why not; as one string. Links are not followed into folders, hidden folders
 * and installs are left out, and the walk is bounded.
 */
function codeBeside(folder: string): string {
  const parts: string[] = [];
  const walk = (relative: string, depth: number): void => {
    let entries: Dirent[];
    try {
      entries = readdirSync(path.join(folder, relative), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (parts.length >= codeFilesRead) return;
      const name = relative === '' ? entry.name : `${relative}/${entry.name}`;
      if (entry.isDirectory()) {
        if (depth < codeDepth && !entry.name.startsWith('.') && entry.name !== 'node_modules') walk(name, depth + 1);
      } else if (name !== 'view.ts' && ownExtensions.includes(path.extname(entry.name))) {
        const read = readView(path.join(folder, name), folder);
        parts.push(`\0${name}\0${read.ok ? read.source : read.status}`);
      }
    }
  };
  walk('', 1);
  return parts.join('');
}
