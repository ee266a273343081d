/**
 * The class report (`report.html`): one static page an instructor opens from disk, with no network,
 * no script and no external assets (inline CSS and SVG), that prints as it shows. It shows the class
 * at a glance (the figures, a table of learners with a link to each one's feedback), how the class
 * scored (a histogram), the checks and known mistakes the class meets most, and every exercise.
 * The figures are `class-figures.ts`'s; every learner-controlled text is escaped here.
 */
import { exerciseStatuses, type ExerciseStatus } from '../../engine/results.js';
import { htmlText } from '../../outputs/escape.js';
import { printable } from '../../outputs/printable.js';
import { classFigures, type CheckFigures, type LearnerFigures } from './class-figures.js';
import { histogramBins, histogramSvg } from './class-histogram.js';
import { classReportStyle } from './class-report-style.js';
import { quizSection } from './class-report-quizzes.js';
import { quizFigures } from './quiz-figures.js';
import type { ClassEntry } from './gradebook.js';

export interface ClassReportOptions {
  title?: string;
  /** The link from the page to a learner's feedback file, or null when there is none to link to. */
  feedbackLink?: (learner: string) => string | null;
}

/** How the report says which exercises count, in its own words. */
export const ranLegend =
  'An exercise ran when its app answered the checks: it passed, failed, or stopped partway through them. ' +
  'A compile error, a missing export, an app that stopped while loading, a view.ts missing or refused, or the stub as handed out did not run: ' +
  'pass rates, mean scores per exercise and the most missed checks count only exercises that ran, and the outcomes column shows the others.';

function count(number: number, noun: string): string {
  return `${number} ${noun}${number === 1 ? '' : 's'}`;
}

function round(value: number): string {
  return String(Math.round(value));
}

/** A learner id as it is on disk: control and unseen characters shown as escapes, so that two ids that look alike do not. */
function idText(learner: string): string {
  return htmlText(printable(learner));
}

function rateCell(passed: number, ran: number, attributes: string): string {
  if (ran === 0) return `<td class="rate" ${attributes} data-passed="0" data-ran="0"><span class="none">did not run</span></td>`;
  const percent = (100 * passed) / ran;
  const tone = percent >= 80 ? 'good' : percent >= 50 ? 'fair' : 'poor';
  return (
    `<td class="rate" ${attributes} data-passed="${passed}" data-ran="${ran}">` +
    `<span class="meter"><span class="fill ${tone}" style="width:${percent.toFixed(1)}%"></span></span>` +
    `<span class="figure">${passed} of ${ran} (${round(percent)}%)</span></td>`
  );
}

function statusList(statuses: Map<ExerciseStatus, number>): string {
  return exerciseStatuses
    .filter((status) => (statuses.get(status) ?? 0) > 0)
    .map((status) => `<span class="status ${status}" data-status="${status}" data-count="${statuses.get(status)}">${status} ${statuses.get(status)}</span>`)
    .join(' ');
}

function checkTitle(check: CheckFigures): string {
  return `${htmlText(check.title)}${check.visibility === 'hidden' ? ' <span class="tag">hidden</span>' : ''}`;
}

/** The isolation levels the learners were graded at (results from before they were recorded say so). */
function isolationOf(entries: readonly ClassEntry[]): string {
  const levels = new Set(entries.map((entry) => (entry.result as { isolation?: string }).isolation ?? 'not recorded'));
  return levels.size === 0 ? 'no learner graded' : [...levels].sort().join(', ');
}

function learnerRow(learner: LearnerFigures, link: string | null): string {
  const name = link === null ? idText(learner.learner) : `<a href="${htmlText(link)}">${idText(learner.learner)}</a>`;
  const notRun = learner.notRun.map((exercise) => ` <span class="notrun" data-not-run="${htmlText(exercise.slug)}">${htmlText(exercise.slug)}: ${exercise.status}</span>`).join('');
  return (
    `<tr data-learner="${htmlText(learner.learner)}" data-handed-in="${learner.handedIn}"${link === null ? '' : ` data-feedback="${htmlText(link)}"`}>` +
    `<td class="learner">${name}</td>` +
    `<td class="num" data-score="${learner.score}" data-max-score="${learner.maxScore}">${learner.score} / ${learner.maxScore} (${round(learner.percent)}%)</td>` +
    `<td class="num" data-passed="${learner.passed}" data-exercises="${learner.exercises}">${learner.passed} of ${learner.exercises}</td>` +
    `<td data-status="${htmlText(learner.status)}">${htmlText(learner.status)}${notRun}</td></tr>`
  );
}

/** Who is counted apart, in one sentence with their ids (the table at the end says why). */
function apartSentence(apart: readonly LearnerFigures[]): string {
  if (apart.length === 0) return 'Every learner handed something in.';
  const shown = apart.slice(0, 20).map((learner) => idText(learner.learner));
  const more = apart.length > shown.length ? `, and ${apart.length - shown.length} more` : '';
  return `${count(apart.length, 'learner')} handed in nothing gradable, counted apart: ${shown.join(', ')}${more}.`;
}

/** The whole page for these learners. */
export function renderClassReport(entries: readonly ClassEntry[], options: ClassReportOptions = {}): string {
  const title = options.title ?? 'Class report';
  const link = options.feedbackLink ?? (() => null);
  const figures = classFigures(entries);
  const card = (label: string, value: string, name: string): string =>
    `<div class="card" data-figure="${name}"><div class="value">${value}</div><div class="label">${label}</div></div>`;
  const handedIn = figures.handedIn.length;
  const parts = [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${htmlText(title)}</title>`,
    `<style>${classReportStyle}</style></head><body><main>`,
    `<h1>${htmlText(title)}</h1>`,
    `<p class="lead">${count(figures.learners.length, 'learner')}, ${count(figures.exercises.length, 'exercise')}. ` +
      `The mean, the median and the histogram are over the ${count(handedIn, 'learner')} who handed something in: a graded folder with at least one exercise begun.</p>`,
    `<p class="isolation" data-figure="isolation">Learners' code ran sealed by: ${htmlText(isolationOf(entries))}.</p>`,
    '<div class="cards">',
    card('learners', String(figures.learners.length), 'learners'),
    card('handed something in', String(handedIn), 'handed-in'),
    card('mean score', handedIn === 0 ? '–' : `${round(figures.mean)}%`, 'mean'),
    card('median score', handedIn === 0 ? '–' : `${round(figures.median)}%`, 'median'),
    card('full marks', String(figures.fullMarks), 'full-marks'),
    card('nothing gradable', String(figures.apart.length), 'apart'),
    '</div>',
    `<p class="apart" data-figure="apart-list">${apartSentence(figures.apart)}</p>`,
    `<p class="legend">${htmlText(ranLegend)}</p>`,
    '<h2>Learners</h2>',
    '<table id="learners"><thead><tr><th>learner (feedback)</th><th class="num">score</th><th class="num">exercises passed</th><th>status</th></tr></thead><tbody>',
    ...figures.learners.map((learner) => learnerRow(learner, link(learner.learner))),
    '</tbody></table>',
    '<h2>Scores</h2>',
    `<section class="panel" id="histogram">${histogramSvg(histogramBins(figures.handedIn.map((learner) => learner.percent)))}</section>`,
    '<h2>Most missed checks</h2>',
  ];
  if (figures.mostMissed.length === 0) parts.push('<p class="none">Every check that ran was passed by every learner who ran it.</p>');
  else {
    parts.push('<table id="missed"><thead><tr><th>check</th><th>exercise</th><th>level</th><th>passed, of the learners it ran for</th></tr></thead><tbody>');
    for (const check of figures.mostMissed) {
      parts.push(
        `<tr><td>${checkTitle(check)}</td><td><code>${htmlText(check.slug)}</code></td><td>${check.level}</td>` +
          `${rateCell(check.passed, check.ran, `data-check="${htmlText(check.id)}"`)}</tr>`,
      );
    }
    parts.push('</tbody></table>');
  }
  const mistakes = figures.mistakes.slice(0, 10);
  parts.push('<h2>Known mistakes most found</h2>');
  if (mistakes.length === 0) parts.push('<p class="none">No learner\'s result showed a known mistake.</p>');
  else {
    parts.push('<table id="mistakes"><thead><tr><th>mistake</th><th>exercise</th><th class="num">learners</th></tr></thead><tbody>');
    for (const mistake of mistakes) {
      parts.push(
        `<tr data-mistake="${htmlText(`${mistake.slug}/${mistake.id}`)}"><td>${htmlText(mistake.title)}</td>` +
          `<td><code>${htmlText(mistake.slug)}</code></td><td class="num" data-learners="${mistake.learners}">${mistake.learners}</td></tr>`,
      );
    }
    parts.push('</tbody></table>');
  }
  parts.push('<h2>Exercises</h2>');
  parts.push('<table id="exercises"><thead><tr><th>exercise</th><th class="num">begun</th><th class="num">ran</th><th class="num">mean score</th><th>passed every check</th><th>outcomes</th></tr></thead><tbody>');
  for (const exercise of figures.exercises) {
    const meanScore = exercise.ran === 0 ? 0 : exercise.scoreSum / exercise.ran;
    parts.push(
      `<tr data-exercise="${htmlText(exercise.slug)}"><td>${htmlText(exercise.title)} <code>${htmlText(exercise.slug)}</code></td>` +
        `<td class="num" data-begun="${exercise.begun}">${exercise.begun}</td><td class="num" data-ran="${exercise.ran}">${exercise.ran}</td>` +
        `<td class="num" data-mean-score="${meanScore.toFixed(2)}">${meanScore.toFixed(1)} / ${exercise.maxScore}</td>` +
        `${rateCell(exercise.passed, exercise.ran, `data-exercise-passed="${htmlText(exercise.slug)}"`)}` +
        `<td>${statusList(exercise.statuses)}</td></tr>`,
    );
  }
  parts.push('</tbody></table>');
  parts.push('<h2>Every check</h2>');
  for (const exercise of figures.exercises) {
    parts.push(`<h3>${htmlText(exercise.title)} <code>${htmlText(exercise.slug)}</code></h3>`);
    parts.push('<table class="checks"><thead><tr><th>check</th><th>level</th><th class="num">points</th><th>passed, of the learners it ran for</th></tr></thead><tbody>');
    for (const check of exercise.checks) {
      parts.push(`<tr><td>${checkTitle(check)}</td><td>${check.level}</td><td class="num">${check.points}</td>${rateCell(check.passed, check.ran, `data-check="${htmlText(check.id)}"`)}</tr>`);
    }
    parts.push('</tbody></table>');
  }
  parts.push(...quizSection(quizFigures(entries, figures.exercises.map((exercise) => exercise.slug))));
  if (figures.apart.length > 0) {
    parts.push('<h2>Handed in nothing gradable</h2><table id="apart"><thead><tr><th>learner</th><th>hand-in</th><th>why</th></tr></thead><tbody>');
    for (const learner of figures.apart) {
      const handIn = learner.handIn === 'graded' ? learner.status : learner.handIn;
      const why = learner.reason ?? (learner.handIn === 'graded' ? 'every exercise is the stub as handed out, or missing' : '');
      parts.push(`<tr><td>${idText(learner.learner)}</td><td>${htmlText(handIn)}</td><td>${htmlText(printable(why))}</td></tr>`);
    }
    parts.push('</tbody></table>');
  }
  parts.push('</main></body></html>', '');
  return parts.join('\n');
}
