/**
 * The class report (`report.html`): one static page an instructor opens from disk, with no network
 * and no external assets (inline CSS and SVG). It shows how the class scored (a histogram), which
 * checks the class fails most (the common mistakes), and a summary of every exercise.
 */
import { namedMistakes } from '../../engine/check-language/mistake.js';
import { exerciseStatuses, notBegun, type ExerciseStatus } from '../../engine/results.js';
import { exerciseSlugs, sortEntries, type ClassEntry } from './gradebook.js';
import { htmlText } from '../../outputs/escape.js';
import { printable } from '../../outputs/printable.js';

function count(number: number, noun: string): string {
  return `${number} ${noun}${number === 1 ? '' : 's'}`;
}

function percentOf(part: number, whole: number): number {
  return whole === 0 ? 0 : (100 * part) / whole;
}

function round(value: number): string {
  return String(Math.round(value));
}

/** Eleven bins: 0–9 %, …, 90–99 %, and 100 % on its own so that full marks stand out. */
export function histogramBins(percents: readonly number[]): { label: string; count: number }[] {
  const bins = Array.from({ length: 11 }, (_, index) => ({ label: index === 10 ? '100' : `${index * 10}–${index * 10 + 9}`, count: 0 }));
  for (const percent of percents) {
    const index = percent >= 100 ? 10 : Math.min(9, Math.max(0, Math.floor(percent / 10)));
    const bin = bins[index];
    if (bin) bin.count += 1;
  }
  return bins;
}

function histogramSvg(bins: { label: string; count: number }[]): string {
  const width = 960;
  const height = 240;
  const left = 36;
  const bottom = 36;
  const top = 20;
  const highest = Math.max(1, ...bins.map((bin) => bin.count));
  const slot = (width - left - 8) / bins.length;
  const scale = (height - top - bottom) / highest;
  const parts: string[] = [];
  for (let tick = 0; tick <= highest; tick += Math.max(1, Math.ceil(highest / 5))) {
    const y = height - bottom - tick * scale;
    parts.push(`<line x1="${left}" x2="${width - 8}" y1="${y.toFixed(1)}" y2="${y.toFixed(1)}" class="grid"/>`);
    parts.push(`<text x="${left - 6}" y="${(y + 4).toFixed(1)}" class="axis" text-anchor="end">${tick}</text>`);
  }
  bins.forEach((bin, index) => {
    const x = left + index * slot + 4;
    const barHeight = bin.count * scale;
    const y = height - bottom - barHeight;
    parts.push(
      `<g class="bin" data-bin="${htmlText(bin.label)}" data-count="${bin.count}">` +
        `<title>${htmlText(bin.label)} %: ${count(bin.count, 'learner')}</title>` +
        `<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${(slot - 8).toFixed(1)}" height="${barHeight.toFixed(1)}" class="${index === 10 ? 'bar full' : 'bar'}"/>` +
        (bin.count > 0 ? `<text x="${(x + (slot - 8) / 2).toFixed(1)}" y="${(y - 5).toFixed(1)}" class="count" text-anchor="middle">${bin.count}</text>` : '') +
        `<text x="${(x + (slot - 8) / 2).toFixed(1)}" y="${height - bottom + 16}" class="axis" text-anchor="middle">${htmlText(bin.label)}</text>` +
        '</g>',
    );
  });
  parts.push(`<text x="${(left + width) / 2}" y="${height - 4}" class="axis" text-anchor="middle">score (% of the maximum)</text>`);
  return `<svg viewBox="0 0 ${width} ${height}" role="img" aria-label="Histogram of the class's scores">${parts.join('')}</svg>`;
}

interface CheckSummary {
  id: string;
  slug: string;
  title: string;
  level: string;
  visibility: string;
  points: number;
  passed: number;
  submitted: number;
}

interface ExerciseSummary {
  slug: string;
  title: string;
  maxScore: number;
  submitted: number;
  passed: number;
  scoreSum: number;
  statuses: Map<ExerciseStatus, number>;
  checks: CheckSummary[];
}

/** A known mistake and how many learners' results showed it. */
export interface MistakeCount {
  slug: string;
  id: string;
  title: string;
  learners: number;
}

/** How many learners each known mistake was named for, most first (ties by exercise, then id). */
export function countMistakes(entries: readonly ClassEntry[]): MistakeCount[] {
  const counts = new Map<string, MistakeCount>();
  for (const entry of entries) {
    for (const exercise of entry.result.exercises) {
      // Results written before mistakes were named have none.
      for (const mistake of namedMistakes(exercise.mistakes)) {
        const key = `${exercise.slug}/${mistake.id}`;
        const counted = counts.get(key) ?? { slug: exercise.slug, id: mistake.id, title: mistake.title, learners: 0 };
        counted.learners += 1;
        counts.set(key, counted);
      }
    }
  }
  return [...counts.values()].sort((a, b) => b.learners - a.learners || a.slug.localeCompare(b.slug) || a.id.localeCompare(b.id));
}

/** Per exercise and per check, counted over the learners who handed the exercise in. */
export function summarize(entries: readonly ClassEntry[]): ExerciseSummary[] {
  return exerciseSlugs(entries).map((slug) => {
    const summary: ExerciseSummary = { slug, title: slug, maxScore: 0, submitted: 0, passed: 0, scoreSum: 0, statuses: new Map(), checks: [] };
    const checks = new Map<string, CheckSummary>();
    for (const entry of entries) {
      const exercise = entry.result.exercises.find((candidate) => candidate.slug === slug);
      if (!exercise) continue;
      summary.title = exercise.title;
      summary.maxScore = Math.max(summary.maxScore, exercise.maxScore);
      summary.statuses.set(exercise.status, (summary.statuses.get(exercise.status) ?? 0) + 1);
      // A stub left as the kit handed it out is no more work handed in than a missing file.
      const handedIn = !notBegun(exercise.status);
      for (const check of exercise.checks) {
        let counted = checks.get(check.id);
        if (!counted) {
          counted = { id: check.id, slug, title: check.title, level: check.level, visibility: check.visibility, points: check.points, passed: 0, submitted: 0 };
          checks.set(check.id, counted);
        }
        if (!handedIn) continue;
        counted.submitted += 1;
        if (check.passed) counted.passed += 1;
      }
      if (!handedIn) continue;
      summary.submitted += 1;
      summary.scoreSum += exercise.score;
      if (exercise.status === 'passed') summary.passed += 1;
    }
    summary.checks = [...checks.values()];
    return summary;
  });
}

function rateCell(passed: number, submitted: number, attributes: string): string {
  if (submitted === 0) return `<td class="rate" ${attributes} data-passed="0" data-submitted="0"><span class="none">not handed in</span></td>`;
  const percent = percentOf(passed, submitted);
  const tone = percent >= 80 ? 'good' : percent >= 50 ? 'fair' : 'poor';
  return (
    `<td class="rate" ${attributes} data-passed="${passed}" data-submitted="${submitted}">` +
    `<span class="meter"><span class="fill ${tone}" style="width:${percent.toFixed(1)}%"></span></span>` +
    `<span class="figure">${passed} of ${submitted} (${round(percent)}%)</span></td>`
  );
}

function statusList(statuses: Map<ExerciseStatus, number>): string {
  return exerciseStatuses
    .filter((status) => (statuses.get(status) ?? 0) > 0)
    .map((status) => `<span class="status ${status}" data-status="${status}" data-count="${statuses.get(status)}">${status} ${statuses.get(status)}</span>`)
    .join(' ');
}

const style = `
:root { color-scheme: light; --ink: #1d232b; --muted: #5b6570; --line: #d8dde3; --good: #2f8f46; --fair: #c98a12; --poor: #c2413b; --bar: #3c6fb0; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #f6f7f9; }
main { max-width: 1040px; margin: 0 auto; padding: 28px 24px 48px; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 19px; margin: 34px 0 10px; }
h3 { font-size: 16px; margin: 22px 0 8px; }
p.lead { color: var(--muted); margin: 0 0 18px; }
.cards { display: flex; flex-wrap: wrap; gap: 12px; }
.card { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 12px 16px; min-width: 150px; }
.card .value { font-size: 24px; font-weight: 650; }
.card .label { color: var(--muted); font-size: 13px; }
section.panel { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 16px 18px; }
#histogram svg { display: block; width: 100%; height: auto; }
svg .bar { fill: var(--bar); }
svg .bar.full { fill: var(--good); }
svg .grid { stroke: #edf0f3; }
svg .axis { fill: var(--muted); font-size: 12px; }
svg .count { fill: var(--ink); font-size: 12px; font-weight: 600; }
table { width: 100%; border-collapse: collapse; background: #fff; }
th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--line); vertical-align: middle; }
th { font-size: 13px; color: var(--muted); font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.rate { width: 290px; white-space: nowrap; }
.meter { display: inline-block; width: 140px; height: 10px; background: #edf0f3; border-radius: 5px; overflow: hidden; vertical-align: middle; margin-right: 8px; }
.fill { display: block; height: 100%; }
.fill.good { background: var(--good); } .fill.fair { background: var(--fair); } .fill.poor { background: var(--poor); }
.figure { font-variant-numeric: tabular-nums; }
.tag { display: inline-block; font-size: 12px; padding: 0 6px; border-radius: 4px; background: #eef1f5; color: var(--muted); }
.status { display: inline-block; font-size: 12px; padding: 1px 6px; border-radius: 4px; background: #eef1f5; margin: 1px 0; }
.status.passed { background: #e3f3e7; } .status.failed { background: #fbe7e5; }
.none { color: var(--muted); }
code { font-size: 13px; white-space: nowrap; }
`;

/** The whole page for these learners. */
/** The isolation levels the learners were graded at (results from before they were recorded say so). */
function isolationOf(entries: readonly ClassEntry[]): string {
  const levels = new Set(entries.map((entry) => (entry.result as { isolation?: string }).isolation ?? 'not recorded'));
  return levels.size === 0 ? 'no learner graded' : [...levels].sort().join(', ');
}

export function renderClassReport(entries: readonly ClassEntry[], title = 'Class report'): string {
  const sorted = sortEntries(entries);
  const percents = sorted.map((entry) => percentOf(entry.result.score, entry.result.maxScore));
  const ordered = [...percents].sort((a, b) => a - b);
  const middle = ordered.length / 2;
  const median = ordered.length === 0 ? 0 : ordered.length % 2 === 1 ? (ordered[Math.floor(middle)] ?? 0) : ((ordered[middle - 1] ?? 0) + (ordered[middle] ?? 0)) / 2;
  const mean = percents.length === 0 ? 0 : percents.reduce((sum, value) => sum + value, 0) / percents.length;
  const full = sorted.filter((entry) => entry.result.maxScore > 0 && entry.result.score === entry.result.maxScore).length;
  const ungraded = sorted.filter((entry) => entry.handIn !== 'graded');
  const exercises = summarize(sorted);
  const allChecks = exercises.flatMap((exercise) => exercise.checks).filter((check) => check.submitted > 0);
  const missed = [...allChecks]
    .sort((a, b) => a.passed / a.submitted - b.passed / b.submitted || a.id.localeCompare(b.id))
    .filter((check) => check.passed < check.submitted)
    .slice(0, 10);

  const card = (label: string, value: string, name: string): string =>
    `<div class="card" data-figure="${name}"><div class="value">${value}</div><div class="label">${label}</div></div>`;
  const parts = [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${htmlText(title)}</title>`,
    `<style>${style}</style></head><body><main>`,
    `<h1>${htmlText(title)}</h1>`,
    `<p class="lead">${count(sorted.length, 'learner')}, ${count(exercises.length, 'exercise')}. Pass rates count the learners who handed the exercise in: a missing file or a stub not started is not counted.</p>`,
    `<p class="isolation" data-figure="isolation">Learners' code ran sealed by: ${htmlText(isolationOf(sorted))}.</p>`,
    '<div class="cards">',
    card('learners', String(sorted.length), 'learners'),
    card('mean score', `${round(mean)}%`, 'mean'),
    card('median score', `${round(median)}%`, 'median'),
    card('full marks', String(full), 'full-marks'),
    card('not graded', String(ungraded.length), 'not-graded'),
    '</div>',
    '<h2>Scores</h2>',
    `<section class="panel" id="histogram">${histogramSvg(histogramBins(percents))}</section>`,
    '<h2>Most missed checks</h2>',
  ];
  if (missed.length === 0) parts.push('<p class="none">Every check was passed by every learner who handed its exercise in.</p>');
  else {
    parts.push('<table id="missed"><thead><tr><th>check</th><th>exercise</th><th>level</th><th>passed by</th></tr></thead><tbody>');
    for (const check of missed) {
      parts.push(
        `<tr><td>${htmlText(check.title)}${check.visibility === 'hidden' ? ' <span class="tag">hidden</span>' : ''}</td>` +
          `<td><code>${htmlText(check.slug)}</code></td><td>${check.level}</td>${rateCell(check.passed, check.submitted, `data-check="${htmlText(check.id)}"`)}</tr>`,
      );
    }
    parts.push('</tbody></table>');
  }
  const mistakes = countMistakes(sorted).slice(0, 10);
  parts.push('<h2>Most common mistakes</h2>');
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
  parts.push('<table id="exercises"><thead><tr><th>exercise</th><th class="num">handed in</th><th class="num">mean score</th><th>passed every check</th><th>outcomes</th></tr></thead><tbody>');
  for (const exercise of exercises) {
    const meanScore = exercise.submitted === 0 ? 0 : exercise.scoreSum / exercise.submitted;
    parts.push(
      `<tr data-exercise="${htmlText(exercise.slug)}"><td>${htmlText(exercise.title)} <code>${htmlText(exercise.slug)}</code></td>` +
        `<td class="num" data-handed-in="${exercise.submitted}">${exercise.submitted}</td>` +
        `<td class="num" data-mean-score="${meanScore.toFixed(2)}">${meanScore.toFixed(1)} / ${exercise.maxScore}</td>` +
        `${rateCell(exercise.passed, exercise.submitted, `data-exercise-passed="${htmlText(exercise.slug)}"`)}` +
        `<td>${statusList(exercise.statuses)}</td></tr>`,
    );
  }
  parts.push('</tbody></table>');
  parts.push('<h2>Every check</h2>');
  for (const exercise of exercises) {
    parts.push(`<h3>${htmlText(exercise.title)} <code>${htmlText(exercise.slug)}</code></h3>`);
    parts.push('<table class="checks"><thead><tr><th>check</th><th>level</th><th class="num">points</th><th>passed by</th></tr></thead><tbody>');
    for (const check of exercise.checks) {
      parts.push(
        `<tr><td>${htmlText(check.title)}${check.visibility === 'hidden' ? ' <span class="tag">hidden</span>' : ''}</td><td>${check.level}</td>` +
          `<td class="num">${check.points}</td>${rateCell(check.passed, check.submitted, `data-check="${htmlText(check.id)}"`)}</tr>`,
      );
    }
    parts.push('</tbody></table>');
  }
  if (ungraded.length > 0) {
    parts.push('<h2>Not graded</h2><table id="not-graded"><thead><tr><th>learner</th><th>hand-in</th><th>why</th></tr></thead><tbody>');
    for (const entry of ungraded) {
      // Control characters and unseen ones in an id are shown as escapes: the instructor sees the id as
      // it is on disk, and two ids that look alike apart.
      parts.push(`<tr><td>${htmlText(printable(entry.learner))}</td><td>${htmlText(entry.handIn)}</td><td>${htmlText(printable(entry.reason ?? ''))}</td></tr>`);
    }
    parts.push('</tbody></table>');
  }
  parts.push('</main></body></html>', '');
  return parts.join('\n');
}
