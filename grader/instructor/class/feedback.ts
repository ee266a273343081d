/**
 * A learner's feedback file: the same report `npm run grade` prints, as Markdown, from the learner's
 * view of the result (hidden checks by title, verdict and hint only). A learner with nothing to
 * grade (a folder the grader could not use, or only stubs and missing files) gets a short
 * paragraph saying so and what to hand in, not a list of checks that never had a chance.
 *
 * Learner text keeps its place: the id and the reason as prose (`markdownText`), folder names in
 * code spans (`markdownCode`), the report in a fenced block no line of it can close (`markdownFence`).
 * A reason or a note may name a learner's folders and a zip's entries, so nothing unseen in them
 * is shown raw (`visible`).
 */
import { manifest } from '../../engine/course/manifest.js';
import { renderExercise, renderQuizSummary, renderSummary, styleFor } from '../../outputs/report.js';
import { notBegun, type GradeResult } from '../../engine/results.js';
import { markdownCode, markdownFence, markdownText } from '../../outputs/escape.js';
import { printable, visible } from '../../outputs/printable.js';

/** The plain style: no colours in a file. */
const plain = styleFor(process.stdout, { NO_COLOR: '1' });

/** What a learner's folder should hold, with the exercises graded. */
function whatToHandIn(view: GradeResult): string {
  const slugs = view.exercises.map((exercise) => exercise.slug);
  const example = slugs[0] ?? manifest.exercises[0]?.slug ?? 'favorite-color';
  return (
    `Hand in one folder per exercise, each with its \`view.ts\` (${markdownCode(`${example}/view.ts`)}, …), or your whole copy of the kit ` +
    `(its \`exercises/\` folder is found), or a zip of either. The exercises graded: ${slugs.map(markdownCode).join(', ')}.`
  );
}

/** Where the graded exercise folders were found, when not at the top of the learner's folder or its `exercises/`. */
function foundIn(view: GradeResult): string[] {
  if (view.target === '.' || view.target === 'exercises') return [];
  return [`Your exercises were found in ${markdownCode(`${printable(view.target)}/`)} inside the folder you handed in.`, ''];
}

/** Text as the end of a sentence: a stop added unless it has one ("did you mean …?"). */
function ended(text: string): string {
  return /[.?!]$/.test(text) ? text : `${text}.`;
}

/** How the hand-in was read, when the grader chose for the learner (the copy graded, a folder's name). */
function readAs(note: string | null): string[] {
  return note ? [`How your hand-in was read: ${ended(markdownText(visible(note)))}`, ''] : [];
}

/**
 * Markdown feedback for one learner; `view` is already the learner's view of the result. `reason`
 * is why the hand-in could not be graded (null when it was), `note` how a graded one was read.
 */
export function renderFeedback(learner: string, view: GradeResult, reason: string | null, note: string | null = null): string {
  const lines = [`# Feedback for ${markdownText(printable(learner))}`, ''];
  const code = `**${renderSummary(view, plain)}**`;
  // The quizzes' points stand apart from the code's, on a line of their own, once there is work to speak of.
  const quizzes = reason ? null : renderQuizSummary(view, plain);
  const answered = view.exercises.some((exercise) => (exercise.quiz?.answered ?? 0) > 0 || exercise.quiz?.refused);
  const total = quizzes && (answered || !view.exercises.every((exercise) => notBegun(exercise.status))) ? `${code}\n\n${quizzes}` : code;
  if (reason) {
    lines.push(`Your submission could not be graded: ${ended(markdownText(visible(reason)))}`, '', whatToHandIn(view), '', total);
    return `${lines.join('\n')}\n`;
  }
  lines.push(...foundIn(view), ...readAs(note));
  const untouched = view.exercises.every((exercise) => notBegun(exercise.status));
  if (untouched && view.exercises.length > 0) {
    const slugsWith = (status: string): string[] => view.exercises.filter((exercise) => exercise.status === status).map((exercise) => markdownCode(exercise.slug));
    const stubs = slugsWith('not-started');
    const missing = slugsWith('missing-file');
    const stubText = `in ${stubs.join(', ')} every handler still answers "Not implemented yet", as the kit hands it out`;
    const missingText = `${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} missing`;
    lines.push(
      `None of your exercises is started yet: ${[stubs.length > 0 ? stubText : '', missing.length > 0 ? missingText : ''].filter(Boolean).join('; ')}. ` +
        'Replace the TODOs in each `view.ts` and try it with `npm run grade` before handing it in.',
      '',
      whatToHandIn(view),
      '',
      total,
    );
    return `${lines.join('\n')}\n`;
  }
  lines.push(total, '');
  for (const exercise of view.exercises) {
    const text = renderExercise(exercise, plain);
    const marks = markdownFence(text);
    lines.push(`## ${markdownText(exercise.title)} (${markdownCode(exercise.slug)}): ${exercise.score}/${exercise.maxScore}`, '', `${marks}text`, text, marks, '');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
