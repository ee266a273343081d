/**
 * `npm run watch`: the learner's loop. Grades the first unfinished exercise, then re-grades
 * whichever exercise's `view.ts` is saved (or a `.ts` file beside it, which it may import), with
 * its checks, the first failure in detail and its hint. On a terminal, keys ask for a hint, the
 * next exercise, the list, a re-grade, or quit.
 *
 * One host pool serves the whole session, and after each grading that ran learner code the used
 * host is replaced by a fresh one in the background: the next save finds a host already started
 * that no earlier version of the learner's code has touched, so a re-grade costs only the checks.
 * Types are checked after the report is shown (cached by content), and added when ready.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadCourse } from '../engine/course/course.js';
import { gradeJobs, HostPool, type GradedExercise, type Limits } from '../engine/grading/grade.js';
import { displayPath } from '../engine/paths.js';
import { readView, textBeside } from '../engine/grading/read-view.js';
import { typeWarnings } from '../engine/grading/type-warnings.js';
import { describeHint, takeNextHint } from '../outputs/hints-shown.js';
import { manifest, type ExerciseInfo } from '../engine/course/manifest.js';
import { emptyProgress, isKitExercises, nextExercise, readProgress, recordGrading, type Progress } from '../outputs/progress.js';
import { renderExercise, styleFor, type Style } from '../outputs/report.js';
import type { ExerciseResult } from '../engine/results.js';
import type { Command } from './args.js';
import { exerciseFolder, exerciseNamed, isolationAvailable, limitOptions, limitsFrom, oneSlug } from './exercise-args.js';
import { renderList } from './list.js';
import { SaveWatcher } from './save-watcher.js';

const watchUsage = `Usage: npm run watch -- [slug] [options]

Grades the first unfinished exercise (or the one named), then grades again each exercise whose
view.ts you save. On a terminal, keys: h next hint, n next exercise, l list, r re-grade, q quit.

Options:
  --target <dir>            the folder of exercise folders to watch (default: exercises)
  --no-typecheck            skip the type warnings (behaviour is graded either way)
  --request-timeout <s>     seconds one request may take (default: 2)
  --exercise-timeout <s>    seconds one exercise may take in all (default: 10)
  --heap-mb <MiB>           memory for your app's heap (default: 256)
  --isolation <level>       how your app is sealed off: bwrap, uid or permission-model
  --help                    show this help`;

/** Saves closer together than this are one save: an editor's write, a formatter's, a burst. */
const debounceMs = 50;

/**
 * The type check waits until the saves have stopped this long: loading the TypeScript compiler
 * takes a core for about a second, which must not slow down the re-grade of the next save.
 */
const typecheckDelayMs = 1000;

const keysLine = 'h hint · n next exercise · l list · r re-grade · q quit';

/** Statuses for which the host never ran the learner's code, so it need not be replaced. */
function ranLearnerCode(result: ExerciseResult): boolean {
  return !['missing-file', 'not-a-file', 'too-large', 'compile-error'].includes(result.status);
}

/**
 * What a file holds, as a hash (null when missing, or not a file grading reads): a save that
 * changed nothing is no new save.
 */
function contentOf(file: string): string | null {
  const read = readView(file);
  // With the files beside it that it may import: saving one of them is saving the exercise.
  return read.ok ? createHash('sha256').update(read.source).update(textBeside(file)).digest('hex') : null;
}

interface WatchOptions {
  target: string;
  limits: Limits;
  typecheck: boolean;
  course: Map<string, GradedExercise>;
  style: Style;
  /** Keys and a redrawn screen on a terminal; a plain log otherwise. */
  interactive: boolean;
}

/** One run of `npm run watch`: what is on screen, what is being graded, and what is waiting. */
class WatchSession {
  private readonly pool: HostPool;
  private readonly kitExercises: boolean;
  private current: ExerciseInfo;
  private screen: 'report' | 'list' = 'report';
  private result: ExerciseResult | null = null;
  private timing = '';
  private types = '';
  private notes: string[] = [];
  /** Bumped by every grading, so that a type check that comes late never lands on a newer report. */
  private generation = 0;
  /** This session's verdicts, for a folder that is not the kit's (whose progress is not recorded). */
  private readonly verdicts = emptyProgress();
  private pending: { slug: string; since: number; fromSave: boolean } | null = null;
  private debounce: NodeJS.Timeout | null = null;
  private typesTimer: NodeJS.Timeout | null = null;
  /** The type check under way, if any: one at a time, so that checks never pile up on two cores. */
  private typesRunning = false;
  /** The check asked for while another ran; started when that one ends, if still current. */
  private typesWanted: { file: string; generation: number } | null = null;
  private running: Promise<void> | null = null;
  private readonly lastGraded = new Map<string, { content: string | null; endedAt: number }>();
  private watcher: SaveWatcher | null = null;
  private closed = false;
  private finish: () => void = () => undefined;
  readonly finished = new Promise<void>((resolve) => {
    this.finish = resolve;
  });

  constructor(private readonly options: WatchOptions) {
    this.pool = HostPool.sandboxes(options.limits.heapMb);
    this.kitExercises = isKitExercises(options.target);
    this.current = manifest.exercises[0] as ExerciseInfo;
  }

  private fileOf(slug: string): string {
    return path.join(this.options.target, slug, 'view.ts');
  }

  private progress(): Progress {
    const stored = readProgress();
    return this.kitExercises ? stored : { ...this.verdicts, hintsShown: stored.hintsShown };
  }

  private write(text: string): void {
    process.stdout.write(text);
  }

  /** Watches the folder, then grades from the exercise named or the first unfinished one. */
  async start(named: ExerciseInfo | undefined): Promise<void> {
    this.pool.warm();
    const where = displayPath(this.options.target);
    const slugs = manifest.exercises.map((exercise) => exercise.slug);
    this.watcher = new SaveWatcher(this.options.target, slugs, (slug) => this.saved(slug), (reason) => {
      this.note(`watching ${where} stopped working (${reason}): a save is now graded within a second; restart npm run watch to have it at once`);
    });
    this.watcher.start();
    this.write(this.options.interactive ? `Grading, then watching ${where}…\n` : `Watching ${where} for saved view.ts files; Ctrl-C stops.\n\n`);
    await this.drain(() => this.gradeFirst(named));
  }

  /** Without a slug named, goes on past exercises that already pass, as far as the first that does not. */
  private async gradeFirst(named: ExerciseInfo | undefined): Promise<void> {
    const first = named ?? nextExercise(this.progress()) ?? manifest.exercises[0];
    for (let index = manifest.exercises.indexOf(first as ExerciseInfo); index < manifest.exercises.length; index++) {
      const result = await this.grade(manifest.exercises[index] as ExerciseInfo, Date.now(), false, named === undefined);
      if (this.closed || named || result?.status !== 'passed') return;
    }
    this.screen = 'list';
    this.notes = ['Every exercise passes. Save any view.ts to grade it again.'];
    this.show();
  }

  /** A save: grade that exercise once the saves stop coming. */
  private saved(slug: string): void {
    if (this.closed) return;
    const since = this.pending?.fromSave && this.pending.slug === slug ? this.pending.since : Date.now();
    this.pending = { slug, since, fromSave: true };
    if (this.debounce) clearTimeout(this.debounce);
    this.debounce = setTimeout(() => {
      this.debounce = null;
      void this.drain();
    }, debounceMs);
  }

  /** A key or the start asks for a grading now. */
  private request(slug: string): void {
    this.pending = { slug, since: Date.now(), fromSave: false };
    void this.drain();
  }

  /**
   * Grades what is pending, one at a time (after `first`, at the start); saves and keys that come
   * meanwhile wait for the next turn, so two gradings never share a host.
   */
  private drain(first?: () => Promise<void>): Promise<void> {
    if (this.running) return this.running;
    this.running = (async () => {
      if (first) await first();
      // While saves are still coming (the debounce runs), they wait: its end drains them.
      while (this.pending && !this.debounce && !this.closed) {
        const { slug, since, fromSave } = this.pending;
        this.pending = null;
        const last = this.lastGraded.get(slug);
        // Trailing events of a save already graded: the same content, saved before that grading ended.
        if (fromSave && last && since < last.endedAt && last.content === contentOf(this.fileOf(slug))) continue;
        const exercise = manifest.exercises.find((candidate) => candidate.slug === slug);
        if (exercise) await this.grade(exercise, since, fromSave, false);
      }
    })().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async grade(exercise: ExerciseInfo, since: number, fromSave: boolean, quietWhenPassed: boolean): Promise<ExerciseResult | null> {
    const file = this.fileOf(exercise.slug);
    const content = contentOf(file);
    const generation = ++this.generation;
    this.holdTypes();
    if (exercise.slug !== this.current.slug) this.notes = [];
    this.current = exercise;
    let result: ExerciseResult;
    try {
      const graded = await gradeJobs([{ exercise: this.options.course.get(exercise.slug) as GradedExercise, file }], {
        limits: this.options.limits,
        typecheck: false,
        pool: this.pool,
      });
      result = graded[0] as ExerciseResult;
      // The next grading gets a host that no earlier version of this code has touched.
      if (ranLearnerCode(result) && !this.closed) await this.pool.recycle();
    } catch (error) {
      this.note(`could not grade ${exercise.slug}: ${(error as Error).message}`);
      return null;
    }
    this.lastGraded.set(exercise.slug, { content, endedAt: Date.now() });
    if (this.closed) return null;
    this.record(result);
    if (quietWhenPassed && result.status === 'passed') {
      this.write(`${this.options.style.green('✔')} ${exercise.slug} passes\n`);
      return result;
    }
    this.result = result;
    this.screen = 'report';
    const took = Date.now() - since;
    this.timing = fromSave ? `graded ${took} ms after the save` : `graded in ${took} ms`;
    this.types = this.options.typecheck && ranLearnerCode(result) ? 'types: checking' : '';
    this.show();
    if (this.types) {
      this.typesTimer = setTimeout(() => {
        this.typesTimer = null;
        this.typesWanted = { file, generation };
        void this.checkTypes();
      }, typecheckDelayMs);
    }
    return result;
  }

  /** A grading puts off the type check that was waiting: the grading comes first. */
  private holdTypes(): void {
    if (this.typesTimer) clearTimeout(this.typesTimer);
    this.typesTimer = null;
  }

  private record(result: ExerciseResult): void {
    if (this.kitExercises) {
      recordGrading(this.options.target, [result]);
      return;
    }
    this.verdicts.grades[result.slug] = { status: result.status, score: result.score, maxScore: result.maxScore, gradedAt: new Date().toISOString() };
  }

  /** Runs the type check last asked for, unless one is running; its end starts the next one. */
  private async checkTypes(): Promise<void> {
    const wanted = this.typesWanted;
    if (this.typesRunning || !wanted || wanted.generation !== this.generation || this.closed) return;
    this.typesWanted = null;
    this.typesRunning = true;
    try {
      await this.showTypes(wanted.file, wanted.generation);
    } finally {
      this.typesRunning = false;
    }
    void this.checkTypes();
  }

  /** Type warnings, added to the report on screen when they arrive (unless a newer grading came). */
  private async showTypes(file: string, generation: number): Promise<void> {
    let warnings: ExerciseResult['warnings'];
    try {
      warnings = (await typeWarnings([file])).get(file) ?? [];
    } catch {
      warnings = [];
      this.types = 'types: the type checker did not run';
    }
    if (generation !== this.generation || this.closed || !this.result) return;
    this.result = { ...this.result, warnings };
    if (!this.types.includes('did not run')) {
      this.types = warnings.length === 0 ? 'types: ok' : `types: ${warnings.length} type error${warnings.length === 1 ? '' : 's'}`;
    }
    if (this.options.interactive) this.show();
    else if (warnings.length > 0) this.write(`${this.render()}\n${this.options.style.dim(`-- ${this.types}`)}\n\n`);
  }

  private render(): string {
    if (!this.result) return '';
    return renderExercise(this.result, this.options.style, { firstFailureOnly: true });
  }

  /** What follows the report: whether it passes, where things stand, and the keys. */
  private footer(): string[] {
    const { style } = this.options;
    const lines: string[] = [];
    const following = manifest.exercises[manifest.exercises.indexOf(this.current) + 1];
    if (this.screen === 'report' && this.result?.status === 'passed') {
      // Piped, there are no keys to press: only the next exercise's name.
      const press = this.options.interactive ? ' (press n)' : '';
      lines.push(style.green(`✔ ${this.current.slug} passes.`) + (following ? ` Next: ${following.slug}${press}.` : ' It is the last exercise.'));
    }
    const progress = this.progress();
    const passed = manifest.exercises.filter((exercise) => progress.grades[exercise.slug]?.status === 'passed').length;
    const position = `${manifest.exercises.indexOf(this.current) + 1}/${manifest.exercises.length}`;
    const facts = [`watching ${displayPath(this.options.target)}`, `${this.current.slug} (${position})`, `${passed} passed`, this.timing, this.types];
    lines.push(style.dim(facts.filter(Boolean).join(' · ')));
    if (this.options.interactive) lines.push(style.dim(keysLine));
    return lines;
  }

  /** On a terminal, redraws the screen; otherwise prints the report and a status line. */
  private show(): void {
    // The list's arrow is where its footer's "Next" is, as in npm run list; the status line below names the current one.
    const body = this.screen === 'list' ? renderList(this.progress(), this.options.style) : this.render();
    const parts = [body, ...this.notes.map((note) => `\n${note}`), '', ...this.footer()];
    if (this.options.interactive) this.write(`\x1b[H\x1b[2J\x1b[3J${parts.join('\n')}\n`);
    else this.write(`${parts.join('\n')}\n\n`);
  }

  private note(text: string): void {
    this.notes.push(text);
    if (this.options.interactive) this.show();
    else this.write(`${text}\n`);
  }

  /** One key pressed on the terminal. */
  key(key: string): void {
    if (this.closed) return;
    switch (key.toLowerCase()) {
      case 'h': {
        this.screen = 'report';
        // A hint of an exercise that passes helps no one, and would count as seen in npm run list.
        if (this.result?.slug === this.current.slug && this.result.status === 'passed') {
          this.note(`${this.current.slug} passes: no hint needed (npm run hint -- ${this.current.slug} still shows them).`);
          break;
        }
        this.note(describeHint(this.current.slug, takeNextHint(this.current)));
        break;
      }
      case 'n': {
        // Pressed again before the grading began: one further on from the one already asked for.
        const asked = this.pending && !this.pending.fromSave ? this.pending.slug : this.current.slug;
        const from = manifest.exercises.findIndex((exercise) => exercise.slug === asked);
        const following = manifest.exercises[from + 1];
        if (!following) {
          this.note(`${asked} is the last exercise; npm run list shows them all.`);
          break;
        }
        this.notes = [];
        this.request(following.slug);
        break;
      }
      case 'l':
        this.screen = this.screen === 'list' ? 'report' : 'list';
        this.show();
        break;
      case 'r':
        this.request(this.current.slug);
        break;
      case 'q':
      case '\x03':
      case '\x04':
        void this.quit();
        break;
    }
  }

  /** Stops watching, waits for a grading under way, and ends the hosts. */
  async quit(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.debounce) clearTimeout(this.debounce);
    this.holdTypes();
    this.watcher?.close();
    // Ending the host first ends a grading under way at once (an endless loop would take seconds).
    await this.pool.close();
    await this.running?.catch(() => undefined);
    await this.pool.close();
    this.write(this.options.interactive ? '\nStopped watching.\n' : 'Stopped watching.\n');
    this.finish();
  }
}

/** How long a stop may take before the process ends regardless. */
const stopGraceMs = 5000;

async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { target: { type: 'string' }, 'no-typecheck': { type: 'boolean' }, help: { type: 'boolean' }, ...limitOptions },
  });
  if (values.help) {
    console.log(watchUsage);
    return 0;
  }
  const slug = oneSlug(positionals, 'npm run watch -- [slug]');
  const named = slug === undefined ? undefined : exerciseNamed(slug);
  const target = exerciseFolder(values.target);
  const limits = limitsFrom(values);
  await isolationAvailable();
  const course = new Map((await loadCourse()).map((exercise) => [exercise.info.slug, exercise]));
  const stdin = process.stdin;
  const interactive = Boolean(stdin.isTTY && process.stdout.isTTY);
  const session = new WatchSession({ target, limits, typecheck: !values['no-typecheck'], course, style: styleFor(process.stdout), interactive });
  let stopping = false;
  const stop = (): void => {
    // A second Ctrl-C ends it at once; and a stop that has not ended in a few seconds (a host that
    // will not close on a loaded machine) ends the process all the same: a learner is never left
    // with a terminal that Ctrl-C cannot free.
    if (stopping) process.exit(130);
    stopping = true;
    let ended = false;
    void session.finished.then(() => (ended = true));
    setTimeout(() => {
      if (!ended) process.stdout.write('Stopped watching (the last grading did not end in time).\n');
      process.exit(0);
    }, stopGraceMs).unref();
    void session.quit();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  const onKey = (chunk: string): void => {
    for (const key of chunk) session.key(key);
  };
  if (interactive) {
    stdin.setRawMode(true);
    stdin.setEncoding('utf8');
    stdin.on('data', onKey);
    stdin.resume();
  }
  try {
    await session.start(named);
    await session.finished;
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    if (interactive) {
      stdin.off('data', onKey);
      stdin.setRawMode(false);
      stdin.pause();
    }
  }
  return 0;
}

export const watchCommand: Command = { name: 'watch', summary: 'grade each exercise again whenever you save it', run };
