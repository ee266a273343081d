/**
 * Grades a folder of exercise folders: each view is compiled here, run in a sandbox host, and
 * checked over HTTP from this process, so that nothing the learner's code does can change a result
 * except its answers to the checks.
 *
 * Each exercise runs in a host of its own, started ahead of need and killed after it: when a host
 * dies or stops answering, the exercise it served takes the verdict, and no exercise's code or
 * state reaches the next one.
 */
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import path from 'node:path';
import type { Check } from '../checking/check.js';
import { createContext } from '../checking/context.js';
import { matchMistakes, type KnownMistake } from '../checking/mistake.js';
import { CheckFailure, describeAnswer } from '../checking/expect.js';
import { NoAnswer, type Exchange } from '../checking/visitor.js';
import { sharedTurn, turnAlone, type Turn } from './fair-share.js';
import type { ExerciseInfo } from '../manifest.js';
import {
  exerciseResult,
  failedCheck,
  gradeResult,
  notRunChecks,
  passedCheck,
  type CheckResult,
  type ExerciseResult,
  type ExerciseStatus,
  type GradeResult,
  type TypeWarning,
} from '../results.js';
import type { SourceLocation } from '../sandbox/protocol.js';
import { defaultHeapMb } from '../sandbox/host-flags.js';
import { Sandbox, formatSeconds, isolationInForce, type HostExit } from '../sandbox/sandbox.js';
import { prepareView, type PreparedView } from './compile.js';
import { addExportHint } from './export-hint.js';
import { markNotStarted } from './not-started.js';
import { inHandler } from './stuck-handler.js';
import { typeWarnings } from './typecheck.js';

/** An exercise ready to grade: what the manifest says of it and its checks. */
export interface GradedExercise {
  info: ExerciseInfo;
  checks: Check[];
  /** False in a learner's copy, which has no hidden checks. */
  hiddenChecksIncluded: boolean;
  /** The exercise's known mistakes, which a failed result is matched against (none: nothing is named). */
  mistakes?: KnownMistake[];
}

export interface Limits {
  /** How long one request may wait for its answer. */
  requestTimeoutMs: number;
  /** How long one exercise may take, loading and all its checks. */
  exerciseTimeoutMs: number;
  /** The learner app's heap, in MiB. */
  heapMb: number;
}

export const defaultLimits: Limits = { requestTimeoutMs: 2000, exerciseTimeoutMs: 10_000, heapMb: defaultHeapMb };

export interface GradeOptions {
  /** The folder holding `<slug>/view.ts` for each exercise. */
  target: string;
  exercises: GradedExercise[];
  limits: Limits;
  /** Whether to type-check the views and attach type warnings. */
  typecheck: boolean;
  /** See `GradeJobsOptions.onTypesFailed`. */
  onTypesFailed?: (error: Error) => void;
  /** Called as soon as each exercise is graded, for reports that stream (see `GradeJobsOptions.onExercise`). */
  onExercise?: (result: ExerciseResult) => void;
  /** Hosts side by side (see `GradeJobsOptions.lanes`). */
  lanes?: number;
  /** A pool already warming (see `GradeJobsOptions.pool`). */
  pool?: HostPool;
  /** See `GradeJobsOptions.keepWarm`. */
  keepWarm?: number;
}

/** How long to wait for a host whose request timed out to show it is still alive. */
const pingTimeoutMs = 500;

/** The path as the learner should read it: relative to where they are, when it is below. */
export function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}

/**
 * What grading needs of a host. The sandbox is the only one learners' work meets; the benchmark
 * also measures an in-process stand-in, as the floor that no isolation at all would give.
 */
export type AppHost = Pick<
  Sandbox,
  'exit' | 'load' | 'isResponsive' | 'sessions' | 'rewriteSession' | 'advanceClock' | 'unload' | 'takeOutput' | 'killFor' | 'kill'
>;

/**
 * Hosts for one exercise each: no module state, timer or connection of one exercise's learner code
 * survives into the next (which would let a view record the hidden checks' requests and show them
 * in a later exercise's answers). Hosts start ahead of need, so an exercise rarely waits for one.
 */
export class HostPool {
  /** Hosts started ahead, no learner code in them yet. */
  private readonly spares: Promise<AppHost>[] = [];

  constructor(private readonly start: () => Promise<AppHost>) {}

  /** A pool of sandbox hosts with this heap limit. */
  static sandboxes(heapMb: number): HostPool {
    return new HostPool(() => Sandbox.startOrTakeEarly(heapMb));
  }

  /**
   * A host no learner code has touched, for one exercise; the caller kills it after. `ahead` hosts
   * are then started for the exercises to come (none when this is the last).
   */
  async take(ahead = 1): Promise<AppHost> {
    const next = this.spares.shift() ?? this.start();
    this.warm(ahead);
    const host = await next;
    // A spare that died while it waited (the machine's trouble) is replaced, once.
    return host.exit ? this.start() : host;
  }

  /** Starts hosts until `count` wait, so that Node's start overlaps with reading and compiling. */
  warm(count = 1): void {
    while (this.spares.length < count) {
      const host = this.start();
      host.catch(() => undefined);
      this.spares.push(host);
    }
  }

  /** Resolves when the first spare host is ready (the benchmark times gradings, not starts). */
  async ready(): Promise<void> {
    this.warm();
    await this.spares[0];
  }

  /** Ends the spare hosts. */
  async close(): Promise<void> {
    const spares = this.spares.splice(0);
    for (const host of await Promise.all(spares.map((spare) => spare.catch(() => null)))) host?.kill();
  }
}

function requestsOf(transcript: Exchange[]): string[] {
  return transcript.slice(-6).map((exchange) => {
    const form = exchange.fields && new URLSearchParams(exchange.fields).toString();
    const fields = exchange.fields ? ` ${form || '(no fields)'}` : '';
    const cookie = exchange.cookie ? ' (with cookie)' : ' (no cookie)';
    return `${exchange.visitor}: ${exchange.method} ${exchange.path}${fields}${cookie} → ${describeAnswer(exchange)}`;
  });
}

interface ExerciseRun {
  status: ExerciseStatus;
  message: string | null;
  location: SourceLocation | null;
}

/**
 * How a host that ended during a hidden check is described: by its kind alone. The usual message
 * quotes what the app printed (its error) and names the request it was serving, which a view could
 * fill with what it saw of the hidden check.
 */
const endedInHidden: Record<HostExit['kind'], string> = {
  crashed: 'the app crashed during a hidden check',
  'out-of-memory': 'the app used more memory than allowed during a hidden check',
  timeout: 'the app stopped answering during a hidden check (an endless loop?)',
};

/** Public checks first: what the app prints and answers before the first hidden request is all the learner sees of it. */
function publicFirst(checks: readonly Check[]): Check[] {
  return [...checks.filter((check) => check.visibility === 'public'), ...checks.filter((check) => check.visibility !== 'public')];
}

async function runChecks(
  exercise: GradedExercise,
  host: AppHost,
  app: { port: number; accessKey: string },
  secret: string,
  limits: Limits,
  exerciseDeadline: number,
  agent: http.Agent,
): Promise<{ results: CheckResult[]; run: ExerciseRun; output: string }> {
  const results: CheckResult[] = [];
  const checks = publicFirst(exercise.checks);
  /** What the app printed before the first hidden check; null until one starts. */
  let shownOutput: string | null = null;
  const output = (): string => shownOutput ?? host.takeOutput();
  let deadline = exerciseDeadline;
  let clockOffsetMs = 0;
  let retriesLeft = retriesAlonePerExercise;
  /** One run of the check; the error it ended with, if any, what was asked and answered, and how long it took. */
  const attempt = async (check: Check, remaining: number, endsAt = Infinity): Promise<{ error: unknown; transcript: Exchange[]; ms: number }> => {
    const { context, transcript } = createContext({
      port: app.port,
      accessKey: app.accessKey,
      agent,
      timeoutMs: Math.min(limits.requestTimeoutMs, remaining),
      endsAt,
      secret,
      readStore: () => host.sessions(),
      rewriteStored: (sid, record) => host.rewriteSession(sid, record),
      advanceClock: async (ms) => {
        await host.advanceClock(ms, limits.requestTimeoutMs);
        clockOffsetMs += ms;
      },
      clockOffsetMs,
    });
    const started = performance.now();
    try {
      await check.run(context);
      return { error: null, transcript, ms: performance.now() - started };
    } catch (error) {
      return { error, transcript, ms: performance.now() - started };
    }
  };
  for (const [index, check] of checks.entries()) {
    const hidden = check.visibility === 'hidden';
    if (hidden && shownOutput === null) shownOutput = host.takeOutput();
    const asked = Date.now();
    const turn = await sharedTurn();
    // A wait for the turn (another learner's check running alone) is not this app's time.
    deadline += Date.now() - asked;
    const remaining = deadline - Date.now();
    if (remaining <= 0) {
      turn.release();
      const message = `the checks took longer than ${formatSeconds(limits.exerciseTimeoutMs)} in all`;
      results.push(...notRunChecks(checks.slice(index), message));
      return { results, run: { status: 'timeout', message, location: null }, output: output() };
    }
    let outcome = await attempt(check, remaining).finally(() => turn.release());
    // The check's own time: its runs, not the waits for a turn.
    let ms = outcome.ms;
    let ended: HostExit | null = null;
    if (outcome.error instanceof NoAnswer) {
      const noAnswer = outcome.error;
      // On a crowded machine the time-out may be the machine's: look again, and retry, alone. An
      // app that never answers would hold up every other learner's checks: a few retries only.
      const retry = turn.crowded && noAnswer.reason === 'timeout' && retriesLeft-- > 0;
      const alone = retry ? await waitAlone() : null;
      try {
        if (alone) deadline += alone.waitedMs;
        ended = await hostEnded(host, noAnswer, exercise.info);
        if (alone && !ended) {
          // Every other check waits meanwhile: the retry has a bound of its own, and its time is this app's.
          outcome = await attempt(check, Math.max(1, deadline - Date.now()), Date.now() + retryAloneMs(limits));
          ms += outcome.ms;
          if (outcome.error instanceof NoAnswer) ended = await hostEnded(host, outcome.error, exercise.info);
        }
      } finally {
        alone?.turn.release();
      }
    }
    const { error, transcript } = outcome;
    if (error === null) {
      results.push(passedCheck(check, ms));
      continue;
    }
    if (error instanceof CheckFailure) {
      // A hidden check's assertions would give its content away: title, verdict and hint only.
      const message = check.visibility === 'hidden' ? null : error.message;
      results.push(failedCheck(check, message, { requests: requestsOf(transcript), expected: error.expected, actual: error.actual }, ms));
      continue;
    }
    if (hidden && !(error instanceof CheckFailure)) {
      // Title, verdict and hint only: a message here would quote the app or the hidden requests.
      results.push(failedCheck(check, null, null, ms));
      if (!ended) continue;
      results.push(...notRunChecks(checks.slice(index + 1), 'the app had stopped'));
      return { results, run: { status: ended.kind, message: endedInHidden[ended.kind], location: null }, output: output() };
    }
    if (!(error instanceof NoAnswer)) {
      const why = error instanceof Error ? error.message : String(error);
      results.push(failedCheck(check, `the check could not finish: ${why}`, { requests: requestsOf(transcript), expected: null, actual: null }, ms));
      continue;
    }
    if (!ended) {
      results.push(failedCheck(check, `${error.message}: does every path of the handler send an answer?`, { requests: requestsOf(transcript), expected: null, actual: 'no answer' }, ms));
      continue;
    }
    results.push(failedCheck(check, ended.message, { requests: requestsOf(transcript), expected: null, actual: null }, ms));
    results.push(...notRunChecks(checks.slice(index + 1), 'the app had stopped'));
    return { results, run: { status: ended.kind, message: ended.message, location: ended.location }, output: output() };
  }
  const allPassed = results.every((result) => result.passed);
  return { results, run: { status: allPassed ? 'passed' : 'failed', message: null, location: null }, output: output() };
}

/** Checks of one exercise that may be retried alone after a time-out on a crowded machine. */
const retriesAlonePerExercise = 2;

/** How long a check retried alone may take in all, however many requests it makes. */
function retryAloneMs(limits: Limits): number {
  return 2 * limits.requestTimeoutMs;
}

/** Waits until no other check runs; the wait is not the app's and does not count against it. */
async function waitAlone(): Promise<{ turn: Turn; waitedMs: number }> {
  const asked = Date.now();
  const turn = await turnAlone();
  return { turn, waitedMs: Date.now() - asked };
}

/** After a request got no answer: how the host ended, or null when it is alive and well. */
async function hostEnded(host: AppHost, noAnswer: NoAnswer, info: ExerciseInfo): Promise<HostExit | null> {
  if (host.exit) return host.exit;
  // A host that answers a ping is alive: only that request went unanswered.
  if (await host.isResponsive(pingTimeoutMs)) return null;
  if (host.exit) return host.exit;
  return host.killFor({
    kind: 'timeout',
    message: `the app stopped answering (${noAnswer.message}; an endless loop${inHandler(info, noAnswer.message)}?)`,
    location: null,
  });
}

async function gradeExercise(
  exercise: GradedExercise,
  file: string,
  view: Promise<PreparedView>,
  pool: HostPool,
  ahead: () => number,
  secret: string,
  limits: Limits,
): Promise<ExerciseResult> {
  const started = Date.now();
  const deadline = started + limits.exerciseTimeoutMs;
  const shown = displayPath(file);
  const base = {
    slug: exercise.info.slug,
    title: exercise.info.title,
    hiddenChecksIncluded: exercise.hiddenChecksIncluded,
  };
  const finish = (run: ExerciseRun, checks: CheckResult[], output = ''): ExerciseResult => {
    // Only an app that ran and answered has a pattern of passed and failed checks to match.
    const mistakes = run.status === 'failed' ? matchMistakes(exercise.mistakes ?? [], checks) : [];
    return exerciseResult({ ...base, ...run, checks, output, mistakes, durationMs: Date.now() - started });
  };
  const stopped = (run: ExerciseRun): ExerciseResult =>
    finish(run, notRunChecks(exercise.checks, run.message ?? run.status));

  const compiled = await view;
  if ('missing' in compiled) return stopped({ status: 'missing-file', message: `${shown} is missing`, location: null });
  if (!compiled.ok) {
    return stopped({ status: compiled.status, message: compiled.message, location: compiled.location });
  }
  const host = await pool.take(ahead());
  try {
    const loaded = await host.load(
      { type: 'load', slug: exercise.info.slug, routes: exercise.info.routes, code: compiled.code, filename: file, secret },
      Math.min(limits.requestTimeoutMs, limits.exerciseTimeoutMs),
    );
    if (!loaded.ok) {
      const status = loaded.kind;
      return finish({ status, message: loaded.message, location: loaded.location }, notRunChecks(exercise.checks, loaded.message), host.takeOutput());
    }
    // One connection pool for the exercise's checks (see `Connection.agent`).
    const agent = new http.Agent({ keepAlive: true });
    const { results, run, output } = await runChecks(exercise, host, loaded, secret, limits, deadline, agent).finally(() => agent.destroy());
    return finish(run, results, output);
  } finally {
    // The host served this exercise only: nothing of its code reaches the next one.
    host.kill();
  }
}

/** One view to grade against one exercise's checks. */
export interface GradingJob {
  exercise: GradedExercise;
  /** The learner's `view.ts` (or any file in its place: a known mistake, a variant). */
  file: string;
}

/** Grades each job in order, in as few sandbox hosts as the submissions allow. */
export interface GradeJobsOptions {
  limits: Limits;
  typecheck: boolean;
  /** The type checker to use (the kit's by default). */
  checkTypes?: TypeChecker;
  /** Called when the type check could not run (no compiler, a crash, a timeout): the results then carry no warnings. */
  onTypesFailed?: (error: Error) => void;
  /**
   * Called for each result, in the order of the jobs, as soon as it and those before it are done:
   * with its verdict, before its type warnings, which only the results returned carry.
   */
  onExercise?: (result: ExerciseResult) => void;
  /**
   * Hosts grading side by side, each taking the next job as it finishes one: one per core suits
   * a single learner's run; a batch that already runs learners side by side wants 1.
   */
  lanes?: number;
  /** A pool to reuse and leave open (watch mode, a class's worker): one lane. By default a new pool, closed at the end. */
  pool?: HostPool;
  /** With `pool`: hosts it keeps started for the caller's next grading (default 1; 0 when none follows). */
  keepWarm?: number;
}

/**
 * What the view's text adds to a zero: an untouched stub is `not-started`; a handler without
 * `export` is named. The text is the one graded, not the file as it is now (watch mode saves on).
 */
function explainedByText(result: ExerciseResult, job: GradingJob, view: PreparedView): ExerciseResult {
  if ((result.status !== 'failed' && result.status !== 'missing-export') || !view.ok) return result;
  return addExportHint(markNotStarted(result, view.source, job.exercise.info), view.source, job.exercise.info, job.file);
}

/** The type warnings of each file it is given, by file name. */
export type TypeChecker = (files: string[]) => Promise<Map<string, TypeWarning[]>>;

/** Grades each job in sandbox hosts, `lanes` side by side, reporting results in job order. */
export async function gradeJobs(jobs: GradingJob[], options: GradeJobsOptions): Promise<ExerciseResult[]> {
  const { limits, onExercise } = options;
  const secret = randomBytes(24).toString('hex');
  const laneCount = options.pool ? 1 : Math.max(1, Math.min(options.lanes ?? 1, jobs.length));
  // One pool for every lane: each exercise takes a new host, and as many start ahead as lanes need.
  const pool = options.pool ?? HostPool.sandboxes(limits.heapMb);
  pool.warm(Math.min(laneCount, jobs.length));
  // Runs beside the checks; a type checker that fails only costs the warnings, and says why.
  const warnings = options.typecheck
    ? (options.checkTypes ?? typeWarnings)(jobs.map((job) => job.file)).catch((error: unknown) => {
        options.onTypesFailed?.(error instanceof Error ? error : new Error(String(error)));
        return new Map<string, TypeWarning[]>();
      })
    : Promise.resolve(new Map<string, TypeWarning[]>());
  // Every view is read and compiled at once, in esbuild's process, while the hosts start.
  const views = jobs.map((job) => prepareView(job.file));
  // A failure shows when its exercise's turn comes, not as an unhandled rejection before.
  for (const view of views) view.catch(() => undefined);
  const results: ExerciseResult[] = new Array(jobs.length);
  let next = 0;
  let reported = 0;
  const report = (): void => {
    while (reported < jobs.length && results[reported]) {
      const result = results[reported++] as ExerciseResult;
      onExercise?.(result);
    }
  };
  // Hosts to start ahead when one is taken: one per lane still to come, and the caller's after the last.
  const ahead = (): number => Math.min(laneCount, jobs.length - next) || (options.pool ? (options.keepWarm ?? 1) : 0);
  const lane = async (): Promise<void> => {
    while (next < jobs.length) {
      const index = next++;
      const job = jobs[index] as GradingJob;
      const view = views[index] as Promise<PreparedView>;
      const graded = explainedByText(await gradeExercise(job.exercise, job.file, view, pool, ahead, secret, limits), job, await view);
      results[index] = graded;
      report();
    }
  };
  try {
    await Promise.all(Array.from({ length: laneCount }, lane));
  } finally {
    if (!options.pool) await pool.close();
  }
  // Verdicts are out by now; the types are waited for only here, to go into the results returned.
  const typed = await warnings;
  return results.map((result, index) => ({ ...result, warnings: typed.get((jobs[index] as GradingJob).file) ?? [] }));
}

/** Grades every exercise in `options.exercises`, in order, from `options.target`. */
export async function grade(options: GradeOptions): Promise<GradeResult> {
  const started = Date.now();
  const jobs = options.exercises.map((exercise) => ({
    exercise,
    file: path.join(options.target, exercise.info.slug, 'view.ts'),
  }));
  const results = await gradeJobs(jobs, options);
  return gradeResult(options.target, results, Date.now() - started, await isolationInForce());
}
