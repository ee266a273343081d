/**
 * Progressive hints: each exercise's hints from the manifest, a nudge first and nearly the answer
 * last, shown one at a time. How many were shown is remembered in the progress file, so `npm run
 * hint` and the `h` key of `npm run watch` go on from where the learner stopped.
 */
import type { ExerciseInfo } from '../engine/course/manifest.js';
import { progressFile, updateProgress, type Progress } from './progress.js';

/** The hint just shown, or, when every hint was already shown, the last one again. */
export interface HintShown {
  /** 1 for the first hint. */
  number: number;
  total: number;
  text: string;
  /** True when there was no new hint left: `text` is the last one, shown again. */
  noMore: boolean;
}

/** Shows the next hint of `exercise` and remembers that it was shown. */
export function takeNextHint(exercise: ExerciseInfo, file = progressFile()): HintShown {
  const total = exercise.hints.length;
  let number = 0;
  let noMore = false;
  updateProgress((progress) => {
    const shown = hintsSeen(exercise, progress);
    noMore = shown === total;
    number = noMore ? total : shown + 1;
    progress.hintsShown[exercise.slug] = number;
  }, file);
  return { number, total, text: exercise.hints[number - 1] ?? '', noMore };
}

/** How many of the exercise's hints the learner has seen so far. */
export function hintsSeen(exercise: ExerciseInfo, progress: Progress): number {
  return Math.min(progress.hintsShown[exercise.slug] ?? 0, exercise.hints.length);
}

/** The hint as the learner reads it, on one line (or two when there are no new ones). */
export function describeHint(slug: string, hint: HintShown): string {
  if (hint.total === 0) return `${slug} has no hints.`;
  const line = `Hint ${hint.number} of ${hint.total} for ${slug}: ${hint.text}`;
  if (!hint.noMore) return line;
  return `No more hints for ${slug}: you have seen all ${hint.total}. The last one again:\n${line}`;
}
