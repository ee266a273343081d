/**
 * Grades a folder of exercise folders: each view is compiled here, run in a sandbox host, and
 * checked over HTTP from this process, so that nothing the learner's code does can change a result
 * except its answers to the checks.
 *
 * Exercises are graded one after another in one host, in two phases: the public checks of every
 * exercise first, then their hidden checks (see `gradeJobs`). When the host dies or stops
 * answering, the exercise being graded takes the verdict and a new host serves the rest.
 */
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import path from 'node:path';
import type { Check } from '../check-language/check.js';
import { createContext } from '../check-language/context.js';
import { matchMistakes, type KnownMistake, type Seen } from '../check-language/mistake.js';
import { CheckFailure, describeAnswer, describeFields } from '../check-language/expect.js';
import type { Exchange } from '../check-language/exchange.js';
import { NoAnswer } from '../check-language/visitor.js';
import { RequestLog, requestLogOf } from '../check-language/request-log.js';
import { applyCharges } from './charges.js';
import { sharedTurn, turnAlone, type Turn } from './fair-share.js';
import type { ExerciseInfo } from '../course/manifest.js';
import {
  exerciseResult,
  failedCheck,
  gradeResult,
  notRunChecks,
  passedCheck,
  type CheckResult,
  type ExerciseResult,
  type GradeResult,
  type TypeWarning,
} from '../results.js';
import { defaultHeapMb } from '../sandbox/host-flags.js';
import { Sandbox, isolationInForce, type HostExit, type LoadOutcome } from '../sandbox/sandbox.js';
import { prepareView, type PreparedView } from './compile.js';
import { addFix } from './fix.js';
import { inHandler } from './stuck-handler.js';
import { quizResultOf } from './quiz-result.js';
import { gradedFolderOf } from './read-view.js';
import type { Quiz } from '../course/quiz.js';
import { typeWarnings } from './type-warnings.js';
import {
  checksVerdict,
  hiddenReloadVerdict,
  hostEndedInHiddenVerdict,
  hostEndedVerdict,
  loadVerdict,
  outOfTimeVerdict,
  ranOutOfTime,
  ranToTheEnd,
  viewVerdict,
  withNotStarted,
  type Verdict,
} from './verdict.js';

/** An exercise ready to grade: what the manifest says of it and its checks. */
export interface GradedExercise {
  info: ExerciseInfo;
  checks: Check[];
  /** False in a learner's copy, which has no hidden checks. */
  hiddenChecksIncluded: boolean;
  /** The exercise's known mistakes, which a failed result is matched against (none: nothing is named). */
  mistakes?: KnownMistake[];
  /** The exercise's quiz, whose key scores the answers handed in beside the view; none: not graded. */
  quiz?: Quiz | null;
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
}

/** How long to wait for a host whose request timed out to show it is still alive. */
const pingTimeoutMs = 500;

/**
 * What grading needs of a host. The sandbox is the only one learners' work meets; the benchmark
 * also measures an in-process stand-in, as the floor that no isolation at all would give.
 */
export type AppHost = Pick<
  Sandbox,
  'exit' | 'load' | 'isResponsive' | 'sessions' | 'rewriteSession' | 'advanceClock' | 'unload' | 'takeOutput' | 'killFor' | 'kill' | 'takeStoreEvents' | 'peekStoreEvents' | 'askRequests' | 'lastRequest'
>;

/**
 * Keeps one live host; a new one replaces it when it ends. A pool serves one learner's run only
 * (watch mode recycles it after every grading, a class takes a new pool for every learner).
 */
export class HostPool {
  private current: Promise<AppHost> | null = null;

  constructor(private readonly start: () => Promise<AppHost>) {}

  /** A pool of sandbox hosts with this heap limit. */
  static sandboxes(heapMb: number): HostPool {
    return new HostPool(() => Sandbox.startOrTakeEarly(heapMb));
  }

  /** A live host: the current one, or a new one when it has ended. */
  async get(): Promise<AppHost> {
    const existing = this.current ? await this.current : null;
    if (existing && !existing.exit) return existing;
    this.current = this.start();
    return this.current;
  }

  /** Starts a host early, so that Node's start overlaps with reading and compiling. */
  warm(): void {
    this.current ??= this.start();
    this.current.catch(() => undefined);
  }

  /**
   * Drops the current host and starts a fresh one in the background: the next grading finds a
   * ready host that no earlier learner code has touched (watch mode re-grades on every save).
   */
  async recycle(): Promise<void> {
    await this.close();
    this.current = null;
    this.warm();
  }

  async close(): Promise<void> {
    const host = await this.current?.catch(() => null);
    host?.kill();
  }
}

function requestsOf(transcript: Exchange[]): string[] {
  return transcript.slice(-6).map((exchange) => {
    const fields = exchange.fields ? ` ${describeFields(exchange.fields, exchange.json)}` : '';
    const cookie = exchange.cookie ? ' (with cookie)' : ' (no cookie)';
    const headers = Object.entries(exchange.headers ?? {}).map(([name, value]) => ` ${name}: ${JSON.stringify(value)}`).join('');
    return `${exchange.visitor}: ${exchange.method} ${exchange.path}${fields}${headers}${cookie} → ${describeAnswer(exchange)}`;
  });
}

/** How much of an answer evidence keeps: its signs are in the first words, and a class holds many. */
const seenTextLimit = 4096;
/** How much of the records written during one failed check evidence keeps. */
const seenRecordBytes = 64 * 1024;

/**
 * What a check saw, as kept until its exercise is matched to known mistakes: of a passed check,
 * only what a new visitor was answered (what the app shows when nothing is stored, which evidence
 * compares with); answers cut at `seenTextLimit`.
 */
function kept(seen: Seen, passed: boolean): Seen {
  const exchanges = passed ? seen.exchanges.filter((exchange) => exchange.cookie === null && exchange.fields === null) : seen.exchanges;
  // The records written, up to a budget: an app writing large ones in a loop keeps no more.
  let recordBytes = 0;
  const store = passed
    ? []
    : seen.store.map((event) => {
        recordBytes += event.record?.length ?? 0;
        return recordBytes <= seenRecordBytes ? event : { ...event, record: null };
      });
  return { ...seen, exchanges: exchanges.map((exchange) => ({ ...exchange, text: exchange.text.slice(0, seenTextLimit) })), store };
}

/** Checks of one phase, the public ones or the hidden ones, against an app loaded in `host`. */
async function runChecks(
  info: ExerciseInfo,
  checks: readonly Check[],
  host: AppHost,
  app: { port: number; accessKey: string },
  secret: string,
  limits: Limits,
  exerciseDeadline: number,
  retries: { left: number },
  agent: http.Agent,
): Promise<{ results: CheckResult[]; run: Verdict; seen: Seen[] }> {
  const results: CheckResult[] = [];
  /** What every check saw, for the known mistakes' evidence. */
  const seen: Seen[] = [];
  let deadline = exerciseDeadline;
  let clockOffsetMs = 0;
  /** One run of the check; the error it ended with, if any, what was asked and answered, and how long it took. */
  const attempt = async (check: Check, remaining: number, endsAt = Infinity): Promise<{ error: unknown; transcript: Exchange[]; ms: number; seen: Seen }> => {
    // What the store was asked before this check is not this check's to show.
    host.takeStoreEvents();
    const { context, transcript, notes } = createContext({
      port: app.port,
      accessKey: app.accessKey,
      agent,
      timeoutMs: Math.min(limits.requestTimeoutMs, remaining),
      endsAt,
      secret,
      readStore: () => host.sessions(),
      rewriteStored: (sid, record) => host.rewriteSession(sid, record),
      storeEvents: () => host.peekStoreEvents(),
      advanceClock: async (ms) => {
        await host.advanceClock(ms, limits.requestTimeoutMs);
        clockOffsetMs += ms;
      },
      clockOffsetMs,
    });
    const started = performance.now();
    let error: unknown = null;
    try {
      await check.run(context);
    } catch (thrown) {
      error = thrown;
    }
    const ms = performance.now() - started;
    return { error, transcript, ms, seen: { check: check.id, exchanges: transcript, store: host.takeStoreEvents(), notes } };
  };
  for (const [index, check] of checks.entries()) {
    const hidden = check.visibility === 'hidden';
    requestLogOf(agent)?.checkStarts(index);
    const asked = Date.now();
    const turn = await sharedTurn();
    // A wait for the turn (another learner's check running alone) is not this app's time.
    deadline += Date.now() - asked;
    const remaining = deadline - Date.now();
    if (remaining <= 0) {
      turn.release();
      const run = outOfTimeVerdict(limits.exerciseTimeoutMs);
      results.push(...notRunChecks(checks.slice(index), run.message ?? run.status));
      return { results, run, seen };
    }
    let outcome = await attempt(check, remaining).finally(() => turn.release());
    // The check's own time: its runs, not the waits for a turn.
    let ms = outcome.ms;
    let ended: HostExit | null = null;
    if (outcome.error instanceof NoAnswer) {
      const noAnswer = outcome.error;
      // On a crowded machine the time-out may be the machine's: look again, and retry, alone. An
      // app that never answers would hold up every other learner's checks: a few retries only.
      const retry = turn.crowded && noAnswer.reason === 'timeout' && retries.left-- > 0;
      const alone = retry ? await waitAlone() : null;
      try {
        if (alone) deadline += alone.waitedMs;
        ended = await hostEnded(host, noAnswer, info);
        if (alone && !ended) {
          // Every other check waits meanwhile: the retry has a bound of its own, and its time is this app's.
          outcome = await attempt(check, Math.max(1, deadline - Date.now()), Date.now() + retryAloneMs(limits));
          ms += outcome.ms;
          if (outcome.error instanceof NoAnswer) ended = await hostEnded(host, outcome.error, info);
        }
      } finally {
        alone?.turn.release();
      }
    }
    const { error, transcript } = outcome;
    seen.push(kept(outcome.seen, error === null));
    // How long a hidden check took is the app's to decide, so it could carry what the check sent.
    if (hidden) ms = 0;
    if (error === null) {
      results.push(passedCheck(check, ms));
      continue;
    }
    if (error instanceof CheckFailure) {
      // A hidden check's assertions would give its content away: title, passed or failed, and hint only.
      const message = check.visibility === 'hidden' ? null : error.message;
      results.push(failedCheck(check, message, { requests: requestsOf(transcript), expected: error.expected, actual: error.actual }, ms));
      continue;
    }
    if (hidden && !(error instanceof CheckFailure)) {
      // Title, passed or failed, and hint only: a message here would quote the app or the hidden requests.
      results.push(failedCheck(check, null, null, ms));
      if (!ended) continue;
      results.push(...notRunChecks(checks.slice(index + 1), 'the app had stopped'));
      return { results, run: hostEndedInHiddenVerdict(ended.kind), seen };
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
    return { results, run: hostEndedVerdict(ended), seen };
  }
  return { results, run: checksVerdict(results), seen };
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

/**
 * An exercise between its two phases: its public checks ran, its hidden ones wait until every
 * exercise of the host has had its public checks (see `gradeJobs`).
 */
interface AwaitingHidden {
  code: string;
  /** The results so far: the public checks'. */
  checks: CheckResult[];
  /** What the app printed during its public checks: all the learner sees of its output. */
  output: string;
  /** The exercise's time used so far. */
  spentMs: number;
  /** What is left of the exercise's retries alone (`fair-share.ts`). */
  retries: { left: number };
  /** What the public checks saw. */
  seen: Seen[];
}

/** An exercise graded as far as it can be now: a result, or its public half awaiting its hidden checks. */
type FirstPhase = { result: ExerciseResult } | { awaiting: AwaitingHidden };

/** Builds results for one exercise, so that every way it ends is said the same way. */
function resultsOf(exercise: GradedExercise) {
  const base = { slug: exercise.info.slug, title: exercise.info.title, hiddenChecksIncluded: exercise.hiddenChecksIncluded };
  const finish = (run: Verdict, checks: CheckResult[], output: string, durationMs: number, seen: Seen[] = []): ExerciseResult => {
    // Only an app that ran and answered has a pattern of passed and failed checks to match.
    const mistakes = run.status === 'failed' ? matchMistakes(exercise.mistakes ?? [], checks, seen) : [];
    return exerciseResult({ ...base, ...run, checks, output, mistakes, durationMs });
  };
  return { finish, stopped: (run: Verdict): ExerciseResult => finish(run, notRunChecks(exercise.checks, run.message ?? run.status), '', 0) };
}

/** Loads the app, runs `checks` against it and unloads it; what the app printed is the caller's to keep or drop. */
async function runPhase(
  exercise: GradedExercise,
  checks: readonly Check[],
  code: string,
  file: string,
  pool: HostPool,
  secret: string,
  limits: Limits,
  budgetMs: number,
  retries: { left: number },
): Promise<{ loaded: LoadOutcome; results: CheckResult[]; run: Verdict; output: string; seen: Seen[] }> {
  const host = await pool.get();
  host.takeOutput();
  const loaded = await host.load(
    { type: 'load', slug: exercise.info.slug, routes: exercise.info.routes, code, filename: file, secret },
    Math.min(limits.requestTimeoutMs, budgetMs),
  );
  if (!loaded.ok) return { loaded, results: [], run: loadVerdict(loaded), output: host.takeOutput(), seen: [] };
  // One connection pool for the phase's checks (see `Connection.agent`).
  const agent = new http.Agent({ keepAlive: true });
  const requests = new RequestLog(agent, exercise.info.routes, host, pingTimeoutMs);
  const deadline = Date.now() + budgetMs;
  const { results, run, seen } = await runChecks(exercise.info, checks, host, loaded, secret, limits, deadline, retries, agent).finally(() => agent.destroy());
  // A failure after an answer is charged to the check whose request it followed (`request-log.ts`).
  const charged = await requests.charges();
  applyCharges(charged, checks, results, run, requestsOf);
  // What the app printed while it answered may still be in the pipe: a round trip on the channel
  // (the question about the requests was one), then the rest of this turn of the event loop, and it has been read.
  if (charged.heard || (!host.exit && (await host.isResponsive(pingTimeoutMs)))) await new Promise((resolve) => setImmediate(resolve));
  host.unload(exercise.info.slug);
  return { loaded, results, run, output: host.takeOutput(), seen };
}

/** The public phase: the whole exercise when it has no hidden checks or ends early. */
async function gradePublic(exercise: GradedExercise, file: string, view: PreparedView, pool: HostPool, secret: string, limits: Limits): Promise<FirstPhase> {
  const { finish, stopped } = resultsOf(exercise);
  if (!view.ok) return { result: stopped(viewVerdict(view, file)) };
  const started = Date.now();
  const publicOnes = exercise.checks.filter((check) => check.visibility === 'public');
  const hiddenOnes = exercise.checks.filter((check) => check.visibility !== 'public');
  const retries = { left: retriesAlonePerExercise };
  const phase = await runPhase(exercise, publicOnes, view.code, file, pool, secret, limits, limits.exerciseTimeoutMs, retries);
  const spentMs = Date.now() - started;
  if (!phase.loaded.ok) return { result: finish(phase.run, notRunChecks(exercise.checks, phase.run.message ?? phase.run.status), phase.output, spentMs) };
  const ended = !ranToTheEnd(phase.run.status);
  if (ended || hiddenOnes.length === 0) {
    const notRun = ended ? notRunChecks(hiddenOnes, ranOutOfTime(phase.run) ? (phase.run.message ?? phase.run.status) : 'the app had stopped') : [];
    return { result: finish(phase.run, [...phase.results, ...notRun], phase.output, spentMs, phase.seen) };
  }
  return { awaiting: { code: view.code, checks: phase.results, output: phase.output, spentMs, retries, seen: phase.seen } };
}

/**
 * The hidden phase. Nothing of it reaches the learner but whether each hidden check passed: what the app
 * printed is dropped, and an app that does not load again or ends is described by its kind alone.
 */
async function gradeHidden(exercise: GradedExercise, file: string, awaiting: AwaitingHidden, pool: HostPool, secret: string, limits: Limits): Promise<ExerciseResult> {
  const { finish } = resultsOf(exercise);
  const hiddenOnes = exercise.checks.filter((check) => check.visibility !== 'public');
  const budgetMs = Math.max(1, limits.exerciseTimeoutMs - awaiting.spentMs);
  const phase = await runPhase(exercise, hiddenOnes, awaiting.code, file, pool, secret, limits, budgetMs, awaiting.retries);
  // The time shown is the public checks': the hidden ones' is the app's to stretch, so it could carry what they sent.
  const durationMs = awaiting.spentMs;
  if (!phase.loaded.ok) {
    return finish(hiddenReloadVerdict(phase.loaded), [...awaiting.checks, ...notRunChecks(hiddenOnes, 'the app had stopped')], awaiting.output, durationMs);
  }
  const checks = [...awaiting.checks, ...phase.results];
  // An end during a hidden check is said by its kind alone, and never where.
  const verdict = ranToTheEnd(phase.run.status) ? checksVerdict(checks) : { ...phase.run, location: null };
  return finish(verdict, checks, awaiting.output, durationMs, [...awaiting.seen, ...phase.seen]);
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
  /** A pool to reuse and leave open (watch mode): one lane. By default new pools, closed at the end. */
  pool?: HostPool;
}

/**
 * What the view's text adds to a zero: an untouched stub is `not-started`; an app that never ran
 * gets its fix, with the line (`fix.ts`: a handler without `export` is named). The text is the
 * one graded, not the file as it is now (watch mode saves on).
 */
function explainedByText(result: ExerciseResult, job: GradingJob, view: PreparedView): ExerciseResult {
  const explained = addFix(withNotStarted(result, view, job.exercise.info), view, job.exercise.info, job.file);
  const quiz = job.exercise.quiz ? quizResultOf(job.exercise.quiz, path.dirname(job.file), gradedFolderOf(job.file)) : null;
  return quiz ? { ...explained, quiz } : explained;
}

/** The type warnings of each file it is given, by file name. */
export type TypeChecker = (files: string[]) => Promise<Map<string, TypeWarning[]>>;

/** Grades each job in sandbox hosts, `lanes` side by side, reporting results in job order. */
export async function gradeJobs(jobs: GradingJob[], options: GradeJobsOptions): Promise<ExerciseResult[]> {
  const { limits, onExercise } = options;
  const secret = randomBytes(24).toString('hex');
  const laneCount = options.pool ? 1 : Math.max(1, Math.min(options.lanes ?? 1, jobs.length));
  const pools = options.pool ? [options.pool] : Array.from({ length: laneCount }, () => HostPool.sandboxes(limits.heapMb));
  for (const pool of pools) pool.warm();
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
  const done = (index: number, result: ExerciseResult, view: PreparedView): void => {
    results[index] = explainedByText(result, jobs[index] as GradingJob, view);
    report();
  };
  // Each lane's host runs the public checks of every exercise it takes, and only then their hidden
  // checks: whatever the app prints or answers to a public check, no hidden request has yet reached
  // that process, so nothing of one can show where the learner reads.
  const lane = async (pool: HostPool): Promise<void> => {
    const awaiting: { index: number; view: PreparedView; half: AwaitingHidden }[] = [];
    while (next < jobs.length) {
      const index = next++;
      const job = jobs[index] as GradingJob;
      const view = await (views[index] as Promise<PreparedView>);
      const first = await gradePublic(job.exercise, job.file, view, pool, secret, limits);
      if ('result' in first) done(index, first.result, view);
      else awaiting.push({ index, view, half: first.awaiting });
    }
    for (const { index, view, half } of awaiting) {
      const job = jobs[index] as GradingJob;
      done(index, await gradeHidden(job.exercise, job.file, half, pool, secret, limits), view);
    }
  };
  try {
    await Promise.all(pools.map(lane));
  } finally {
    if (!options.pool) await Promise.all(pools.map((pool) => pool.close()));
  }
  // Verdicts are out by now; the types are waited for only here, to go into the results returned.
  const typed = await warnings;
  return results.map((result, index) => ({ ...result, warnings: typed.get((jobs[index] as GradingJob).file) ?? [] }));
}

/** Grades every exercise in `options.exercises`, in order, from `options.target`. */
export async function grade(options: GradeOptions): Promise<GradeResult> {
  const jobs = options.exercises.map((exercise) => ({
    exercise,
    file: path.join(options.target, exercise.info.slug, 'view.ts'),
  }));
  const results = await gradeJobs(jobs, options);
  return gradeResult(options.target, results, await isolationInForce());
}
