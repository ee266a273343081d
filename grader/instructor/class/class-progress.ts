/**
 * The progress of a class run, as it goes (a learner's saved progress is `outputs/progress.ts`).
 * On a terminal: one bar redrawn in place (learners done, rate, time left). Anywhere else (a log,
 * a pipe, CI): one plain line per learner graded. Once every learner is done, one line of the class's
 * figures, the same as the class report's (`class-figures.ts`).
 */
import { renderSummary, type Style } from '../../outputs/report.js';
import { notBegun, type GradeResult } from '../../engine/results.js';
import { printable } from '../../outputs/printable.js';
import { classFigures } from './class-figures.js';
import type { ClassEntry } from './gradebook.js';

export interface ClassProgressSink {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

export class ClassProgress {
  private done = 0;
  private readonly started = Date.now();
  private readonly live: boolean;
  private readonly entries: ClassEntry[] = [];

  constructor(
    private readonly total: number,
    private readonly sink: ClassProgressSink,
    private readonly style: Style,
  ) {
    this.live = Boolean(sink.isTTY) && process.env.TERM !== 'dumb';
    if (this.live) this.draw();
  }

  /** One learner finished (graded now or kept from an earlier run). */
  learner(learner: string, result: GradeResult, handIn: string, kept: boolean): void {
    this.done += 1;
    this.entries.push({ learner, result, handIn, reason: null });
    if (this.live) {
      this.draw();
      return;
    }
    const untouched = result.exercises.every((exercise) => notBegun(exercise.status));
    const total = renderSummary(result, this.style);
    const summary = total.replace(/^Total: /, '') + (untouched ? ', none started' : '');
    const how = kept ? 'kept from the earlier run' : handIn === 'graded' ? summary : `not graded: ${handIn}`;
    // The id is the learner's folder name: shown escaped, so that it cannot forge a line of its own.
    this.sink.write(`[${this.done}/${this.total}] ${printable(learner)}: ${how}\n`);
  }

  private draw(): void {
    const elapsed = (Date.now() - this.started) / 1000;
    const rate = elapsed > 0 ? this.done / elapsed : 0;
    const left = rate > 0 ? Math.ceil((this.total - this.done) / rate) : null;
    const tail = ` ${this.done}/${this.total} learners  ${rate.toFixed(1)}/s${left === null || this.done === this.total ? '' : `  about ${left} s left`}`;
    const width = Math.max(10, Math.min(40, (this.sink.columns ?? 80) - tail.length - 4));
    const filled = this.total === 0 ? width : Math.round((width * this.done) / this.total);
    const bar = `${this.style.green('█'.repeat(filled))}${this.style.dim('░'.repeat(width - filled))}`;
    this.sink.write(`\r\x1b[2K[${bar}]${tail}`);
  }

  /** Ends the bar's line, so that what follows starts on a line of its own; then the class's figures, when every learner is done. */
  finish(): void {
    if (this.live) this.sink.write('\n');
    if (this.done === this.total && this.total > 0) this.sink.write(`${classSummary(this.entries)}\n`);
  }
}

/** The class's figures in one line: the mean over the learners who handed something in, the others counted apart by name. */
export function classSummary(entries: readonly ClassEntry[]): string {
  const figures = classFigures(entries);
  const handedIn = figures.handedIn.length;
  const learners = (count: number): string => `${count} ${count === 1 ? 'learner' : 'learners'}`;
  const scores = handedIn === 0 ? 'no learner handed anything in' : `mean ${Math.round(figures.mean)}%, median ${Math.round(figures.median)}% over the ${learners(handedIn)} who handed something in`;
  if (figures.apart.length === 0) return `Class: ${scores}.`;
  const names = figures.apart.slice(0, 10).map((learner) => printable(learner.learner));
  const more = figures.apart.length > names.length ? `, and ${figures.apart.length - names.length} more` : '';
  return `Class: ${scores}; ${learners(figures.apart.length)} handed in nothing gradable, counted apart: ${names.join(', ')}${more}.`;
}
