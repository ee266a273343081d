/**
 * A learner's feedback file: the same report `npm run grade` prints, as Markdown, from the learner's
 * view of the result (hidden checks by title, verdict and hint only).
 */
import { renderExercise, renderSummary, styleFor } from '../report.js';
import type { GradeResult } from '../results.js';
import { printable } from './printable.js';

/** The plain style: no colours in a file. */
const plain = styleFor(process.stdout, { NO_COLOR: '1' });

/** A code fence longer than any run of backticks in `text`, so the learner's output cannot close it. */
function fence(text: string): string {
  const longest = Math.max(2, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  return '`'.repeat(longest + 1);
}

/** Markdown feedback for one learner; `view` is already the learner's view of the result. */
export function renderFeedback(learner: string, view: GradeResult, note: string | null): string {
  const lines = [`# Feedback for ${printable(learner)}`, ''];
  if (note) lines.push(`Your submission could not be graded: ${note}.`, '');
  lines.push(`**${renderSummary(view, plain)}**`, '');
  for (const exercise of view.exercises) {
    const text = renderExercise(exercise, plain);
    const marks = fence(text);
    lines.push(`## ${exercise.title} (\`${exercise.slug}\`): ${exercise.score}/${exercise.maxScore}`, '', `${marks}text`, text, marks, '');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
