/**
 * Grades a class: every learner folder under `--submissions`, several at once (one per core by
 * default), each with hosts of its own that no other learner's code has touched, and with every
 * guarantee of the sandbox. Each learner's files are written as soon as they are graded, so an
 * interrupted run loses at most the learners in progress, and `--resume` finishes it.
 */
import { existsSync, rmSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadCourse } from '../../engine/course/course.js';
import { gradeJobs, HostPool, type GradedExercise, type Limits } from '../../engine/grading/grade.js';
import { styleFor } from '../../outputs/report.js';
import { exerciseResult, gradeResult, notRunChecks, type ExerciseStatus, type GradeResult } from '../../engine/results.js';
import { UsageError, userPath, wholeNumber } from '../../commands/args.js';
import { exerciseNamed, isolationAvailable, isolationFrom, limitOptions, limitsFrom } from '../../commands/exercise-args.js';
import { installBubblewrap, isolationLine, isolationSupport, type IsolationLevel } from '../../engine/sandbox/isolation.js';
import {
  classEntry,
  completeLearner,
  currentRecordVersion,
  learnerFiles,
  outPaths,
  outputFormats,
  readLearner,
  writeClassFiles,
  writeLearner,
  type LearnerOutputOptions,
  type LearnerRecord,
  type OutputFormat,
} from './class-outputs.js';
import { classUsage } from './usage.js';
import type { ClassEntry } from './gradebook.js';
import { gradescopeVisibilities, type GradescopeVisibility } from './gradescope.js';
import { PeakMemory } from './memory.js';
import { collidingNames, outputName } from './output-name.js';
import { ClassProgress } from './class-progress.js';
import { graderBuild } from '../../engine/paths.js';
import { classLearners, fingerprint, parseShard, shardOf, viewFile, type GradingSettings, type Shard, type Submission } from './submissions.js';

interface ClassOptions {
  submissions: string;
  out: string;
  exercises: GradedExercise[];
  limits: Limits;
  typecheck: boolean;
  resume: boolean;
  shard: Shard | null;
  jobs: number;
  /** Hosts at `uid` without a network of their own: learners are graded one at a time. */
  sharedNetwork: boolean;
  output: LearnerOutputOptions;
  /** How every learner's code is sealed off, chosen once for the run. */
  isolation: IsolationLevel;
}

/**
 * The isolation level for a class: strangers' code is graded at `bwrap` or `uid` only. Node's
 * permission model alone cannot keep one learner's host from another's (they share one user and
 * one network), so a class never runs at it, even when asked.
 */
async function classIsolation(demandedLevel: IsolationLevel | null): Promise<IsolationLevel> {
  if (demandedLevel === 'permission-model') {
    throw new UsageError(`--isolation permission-model is not for classes: learners' hosts would share one user and one network, so one learner could cost another points; ${installBubblewrap}, or run as root`);
  }
  const level = await isolationAvailable();
  if (level === 'permission-model') {
    const support = await isolationSupport();
    throw new UsageError(
      `this machine can seal learners' code only with Node's permission model (${support.missing.bwrap ?? 'no bubblewrap'}), which cannot keep one learner's code from another's: ${installBubblewrap}, or run as root`,
    );
  }
  return level;
}

function folderFlag(flag: string, value: string | undefined, what: string): string {
  if (value === undefined) throw new UsageError(`--${flag} is required for a class: ${what}`);
  return userPath(value);
}

function parseFormats(values: string[] | undefined): OutputFormat[] {
  const names = (values ?? []).flatMap((value) => value.split(',')).map((name) => name.trim()).filter(Boolean);
  for (const name of names) {
    if (!outputFormats.includes(name as OutputFormat)) throw new UsageError(`--format takes ${outputFormats.join(' or ')}, not "${name}"`);
  }
  return [...new Set(names as OutputFormat[])];
}

function inside(child: string, parent: string): boolean {
  const relative = path.relative(parent, child);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

async function parse(args: string[]): Promise<ClassOptions | null> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      submissions: { type: 'string' },
      out: { type: 'string' },
      resume: { type: 'boolean' },
      shard: { type: 'string' },
      format: { type: 'string', multiple: true },
      'hidden-visibility': { type: 'string' },
      jobs: { type: 'string' },
      typecheck: { type: 'boolean' },
      ...limitOptions,
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    console.log(classUsage);
    return null;
  }
  for (const slug of positionals) exerciseNamed(slug);
  const submissions = folderFlag('submissions', values.submissions, 'the folder holding one folder per learner');
  if (!existsSync(submissions) || !statSync(submissions).isDirectory()) {
    throw new UsageError(`no folder ${submissions}: --submissions takes the folder that holds one folder per learner`);
  }
  const out = folderFlag('out', values.out, 'the folder where the gradebook, results and feedback go');
  if (inside(out, submissions)) throw new UsageError(`--out ${out} is inside --submissions: choose a folder outside the class's work`);
  // The run empties out/unpacked/ for the zips it unpacks: the class's work must not be there.
  if (inside(submissions, path.join(out, 'unpacked'))) throw new UsageError(`--submissions ${submissions} is inside ${path.join(out, 'unpacked')}, which a class run empties: move the class's work elsewhere`);
  if (existsSync(out) && !statSync(out).isDirectory()) throw new UsageError(`--out ${out} is a file: it takes a folder`);
  const paths = outPaths(out);
  if (!values.resume && (existsSync(paths.gradebook) || existsSync(paths.recordsDir))) {
    throw new UsageError(`--out ${out} already holds a class run: add --resume to finish or update it, or choose another folder`);
  }
  const shard = values.shard === undefined ? null : parseShard(values.shard);
  if (values.shard !== undefined && !shard) throw new UsageError(`--shard takes k/n with 1 ≤ k ≤ n (for example 2/4), not "${values.shard}"`);
  const hiddenVisibility = (values['hidden-visibility'] ?? 'after_published') as GradescopeVisibility;
  if (!gradescopeVisibilities.includes(hiddenVisibility)) {
    throw new UsageError(`--hidden-visibility takes ${gradescopeVisibilities.join(', ')}, not "${hiddenVisibility}"`);
  }
  const limits = limitsFrom(values);
  const isolation = await classIsolation(isolationFrom(values.isolation));
  // Hosts of one user each but one network could reach each other's sockets: never two learners at once then.
  const sharedNetwork = isolation === 'uid' && !(await isolationSupport()).unshareNet;
  return {
    submissions,
    out,
    exercises: await loadCourse(positionals),
    limits,
    typecheck: Boolean(values.typecheck),
    resume: Boolean(values.resume),
    shard,
    jobs: sharedNetwork ? 1 : wholeNumber('jobs', values.jobs, availableParallelism(), 1, 256),
    sharedNetwork,
    output: { formats: parseFormats(values.format), hiddenVisibility },
    isolation,
  };
}

/** The result of a learner whose folder could not be graded: every check not run, and why. */
function notGraded(submission: Submission, exercises: GradedExercise[], status: ExerciseStatus, reason: string, isolation: IsolationLevel): GradeResult {
  const results = exercises.map((exercise) =>
    exerciseResult({
      slug: exercise.info.slug,
      title: exercise.info.title,
      hiddenChecksIncluded: exercise.hiddenChecksIncluded,
      status,
      message: reason,
      location: null,
      output: '',
      durationMs: 0,
      checks: notRunChecks(exercise.checks, reason),
    }),
  );
  return gradeResult(submission.exercisesDir, results, isolation);
}

/**
 * Hosts for the learners of one worker, one pool per learner. The next learner's host starts while
 * the current learner is graded, so no learner waits for Node to start; a pool is used by one
 * learner only and closed after it, so no host ever serves two learners.
 */
class FreshHosts {
  private upcoming: HostPool | null = null;

  constructor(private readonly heapMb: number) {}

  private started(): HostPool {
    const pool = HostPool.sandboxes(this.heapMb);
    pool.warm();
    return pool;
  }

  /** A pool no learner has used; with `more`, the next one starts booting now. */
  take(more: boolean): HostPool {
    const pool = this.upcoming ?? this.started();
    this.upcoming = more ? this.started() : null;
    return pool;
  }

  async close(): Promise<void> {
    await this.upcoming?.close();
    this.upcoming = null;
  }
}

async function gradeLearner(
  submission: Submission,
  options: ClassOptions,
  settings: GradingSettings,
  hosts: () => HostPool,
): Promise<{ record: LearnerRecord; result: GradeResult }> {
  const print = fingerprint(submission, settings);
  const base: Pick<LearnerRecord, 'recordVersion' | 'learner' | 'submission'> = { recordVersion: currentRecordVersion, learner: submission.id, submission: submission.folder };
  if (submission.handIn !== 'graded') {
    const reason = submission.reason ?? submission.handIn;
    // A link out or a zip refused is work handed in that the grader refuses to read, not work missing.
    const status = submission.handIn === 'link-outside' || submission.handIn === 'zip-refused' ? 'not-a-file' : 'missing-file';
    return {
      record: { ...base, handIn: submission.handIn, reason, fingerprint: print },
      result: notGraded(submission, options.exercises, status, reason, options.isolation),
    };
  }
  let failure: unknown = null;
  // A host that could not start is the machine's trouble, not the learner's: one more try.
  for (let attempt = 0; attempt < 2; attempt += 1) {
    const pool = hosts();
    try {
      const jobs = options.exercises.map((exercise) => ({ exercise, file: viewFile(submission, exercise.info.slug) }));
      const results = await gradeJobs(jobs, { limits: options.limits, typecheck: options.typecheck, pool });
      const result = gradeResult(submission.exercisesDir, results, options.isolation);
      return { record: { ...base, handIn: 'graded', reason: null, note: submission.note, fingerprint: print }, result };
    } catch (error) {
      failure = error;
    } finally {
      await pool.close();
    }
  }
  return graderError(submission, options, `the grader could not run: ${describeError(failure)}`);
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A learner the grader failed, for a reason of its own: no points, and no fingerprint, so --resume tries again. */
function graderError(submission: Submission, options: ClassOptions, reason: string): { record: LearnerRecord; result: GradeResult } {
  return {
    record: { recordVersion: currentRecordVersion, learner: submission.id, submission: submission.folder, handIn: 'grader-error', reason, fingerprint: null },
    result: notGraded(submission, options.exercises, 'crashed', reason, options.isolation),
  };
}

/**
 * Writes a graded learner's files. When they cannot be written (a full disk, a folder without write
 * permission), the learner is a grader error in the gradebook and the run goes on for the others;
 * what was written of theirs is removed, so that no half set of files is taken for a whole one.
 */
function saveLearner(submission: Submission, options: ClassOptions, graded: { record: LearnerRecord; result: GradeResult }): { record: LearnerRecord; result: GradeResult } {
  try {
    writeLearner(options.out, graded.record, graded.result, options.output);
    return graded;
  } catch (error) {
    for (const file of learnerFiles(options.out, submission.id)) {
      try {
        rmSync(file, { force: true });
      } catch {
        // The folder refuses writes: there is nothing of this learner's to trust in it anyway.
      }
    }
    return graderError(submission, options, `the grader could not write this learner's files: ${describeError(error)}`);
  }
}

/** The learner as stored by an earlier run, when it can be kept: same files, same settings. */
function keptLearner(submission: Submission, options: ClassOptions, settings: GradingSettings): ClassEntry | null {
  if (!options.resume) return null;
  const stored = readLearner(options.out, submission.id);
  const print = fingerprint(submission, settings);
  if (!stored || print === null || stored.record.fingerprint !== print) return null;
  const record = { ...stored.record, submission: submission.folder };
  try {
    completeLearner(options.out, record, stored.result, options.output);
  } catch (error) {
    // Its stored files stay as they were: only the formats this run adds are missing.
    return classEntry(submission.id, stored.result, { ...record, handIn: 'grader-error', reason: `the grader could not write this learner's files: ${describeError(error)}` });
  }
  return classEntry(submission.id, stored.result, record);
}

function formatBytes(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MiB`;
}

export async function runClass(args: string[]): Promise<number> {
  const options = await parse(args);
  if (!options) return 0;
  // Zips handed in are unpacked here, afresh each run: the learners' folders are never written to.
  const staging = path.join(options.out, 'unpacked');
  rmSync(staging, { recursive: true, force: true });
  const everyone = classLearners(options.submissions, staging);
  // Over the whole class, not the shard, so that every shard agrees.
  const clashes = collidingNames(everyone.map((learner) => learner.id));
  // Only the shard's learners are read: a shard unpacks its own zips, not the class's.
  const learners = shardOf(everyone, options.shard).map((learner) => learner.describe());
  if (learners.length === 0) {
    if (options.shard) {
      writeClassFiles(options.out, []);
      console.log(`Shard ${options.shard.index}/${options.shard.count} has no learners; wrote an empty gradebook to ${options.out}.`);
      return 0;
    }
    throw new UsageError(`no learner folders in ${options.submissions}: --submissions takes a folder holding one folder per learner`);
  }
  const settings: GradingSettings = { exercises: options.exercises, limits: options.limits, typecheck: options.typecheck, grader: graderBuild() };
  const style = styleFor(process.stdout);
  console.log(`Learners' code runs sealed: ${isolationLine[options.isolation]}.`);
  if (options.sharedNetwork) console.log('Learners are graded one at a time: this machine gives their hosts no network of their own (unshare --net), and two learners\' hosts must never meet.');
  const progress = new ClassProgress(learners.length, process.stdout, style);
  const memory = new PeakMemory();
  const started = Date.now();
  const entries = new Map<string, ClassEntry>();
  let graded = 0;
  let kept = 0;

  // Every file is written whole (temporary file, then rename), and synchronously: stopping here
  // between two writes leaves only whole files, and the learners in progress are graded again.
  const interrupted = (signal: NodeJS.Signals): void => {
    progress.finish();
    console.error(`Interrupted (${signal}): ${graded + kept} of ${learners.length} learners done. Run the same command with --resume to finish.`);
    process.exit(130);
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);

  let next = 0;
  const worker = async (): Promise<void> => {
    const fresh = new FreshHosts(options.limits.heapMb);
    // A host is started ahead only while learners that need one are left in the queue.
    const hosts = (): HostPool => fresh.take(learners.slice(next).some((learner) => learner.handIn === 'graded'));
    try {
      await gradeQueue(hosts);
    } finally {
      await fresh.close();
    }
  };
  const gradeQueue = async (hosts: () => HostPool): Promise<void> => {
    for (let submission = learners[next++]; submission; submission = learners[next++]) {
      const stored = keptLearner(submission, options, settings);
      if (stored) {
        kept += 1;
        entries.set(submission.id, stored);
        progress.learner(submission.id, stored.result, stored.handIn, true);
        continue;
      }
      const { record, result } = clashes.has(outputName(submission.id).toLowerCase())
        ? graderError(submission, options, `its output files would have the same name as another learner's (${outputName(submission.id)}): rename one of the folders`)
        : saveLearner(submission, options, await gradeLearner(submission, options, settings, hosts));
      graded += 1;
      entries.set(submission.id, classEntry(submission.id, result, record));
      progress.learner(submission.id, result, record.handIn, false);
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(options.jobs, learners.length) }, worker));
  } finally {
    process.removeListener('SIGINT', interrupted);
    process.removeListener('SIGTERM', interrupted);
  }
  const peak = memory.stop();
  const elapsed = (Date.now() - started) / 1000;
  progress.finish();

  const all = learners.map((submission) => entries.get(submission.id)).filter((entry): entry is ClassEntry => entry !== undefined);
  writeClassFiles(options.out, all);
  const notGradable = all.filter((entry) => entry.handIn !== 'graded').length;
  const details = [kept > 0 ? `${kept} kept from an earlier run` : '', notGradable > 0 ? `${notGradable} not gradable` : ''].filter(Boolean);
  const rate = elapsed > 0 ? graded / elapsed : 0;
  const memoryText = peak > 0 ? `, peak memory ${formatBytes(peak)} (grader and sandbox hosts)` : '';
  const shardText = options.shard ? ` (shard ${options.shard.index}/${options.shard.count})` : '';
  const learnersText = `${learners.length} ${learners.length === 1 ? 'learner' : 'learners'}${shardText}`;
  if (graded === 0) {
    const everyone = learners.length === 1 ? `the one learner${shardText} is` : `all ${learnersText} are`;
    console.log(`Nothing to grade: ${everyone} as the last run graded them (same files, same settings), and kept.`);
  } else {
    console.log(
      `Graded ${learnersText}${details.length ? ` (${details.join(', ')})` : ''} in ${elapsed.toFixed(1)} s: ` +
        `${rate.toFixed(1)} per second, ${Math.min(options.jobs, learners.length)} at once${memoryText}.`,
    );
  }
  const written = [path.basename(outPaths(options.out).gradebook), 'report.html', 'results/', 'feedback/', ...options.output.formats.map((format) => `${format}/`)];
  if (existsSync(staging)) written.push('unpacked/ (the zips handed in)');
  console.log(`Wrote ${written.slice(0, -1).join(', ')} and ${written.at(-1)} in ${options.out}.`);
  return 0;
}
