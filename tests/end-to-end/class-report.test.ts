/**
 * The class report (report.html) as an instructor sees it: opened from disk in headless Chromium,
 * with no network, its figures (learners, mean, histogram, pass rate of every check, per-exercise
 * summaries) read off the page and compared with the results documents of the same run.
 * Set CLASS_REPORT_SCREENSHOT=<file.png> to keep a screenshot of the page.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GradeResult } from '../../grader/engine/results.js';
import { chromiumArgs, chromiumPath, noChromium } from '../browser.js';
import { classSize, classSlugs, makeClass, outFolder } from '../class-fixture.js';
import { runKit } from '../run-kit.js';

const hasChromium = chromiumPath !== null;
const skipMessage = noChromium;

/** A missing file and a stub left as handed out are not work handed in: pass rates leave them out. */
function handedIn(exercise: GradeResult['exercises'][number]): boolean {
  return exercise.status !== 'missing-file' && exercise.status !== 'not-started';
}

function percent(part: number, whole: number): number {
  return whole === 0 ? 0 : (100 * part) / whole;
}

describe('report.html in headless Chromium', () => {
  let browser: Browser;
  let page: Page;
  let results: GradeResult[];
  const requests: string[] = [];
  let reportUrl: string;

  beforeAll(async () => {
    if (!hasChromium) return;
    const out = outFolder();
    const run = runKit(['grade', ...classSlugs, '--submissions', makeClass(), '--out', out]);
    expect(run.status).toBe(0);
    results = readdirSync(path.join(out, 'results')).map((name) => JSON.parse(readFileSync(path.join(out, 'results', name), 'utf8')) as GradeResult);
    browser = await chromium.launch({
      executablePath: chromiumPath ?? undefined,
      args: chromiumArgs,
    });
    page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    page.on('request', (request) => requests.push(request.url()));
    reportUrl = pathToFileURL(path.join(out, 'report.html')).href;
    await page.goto(reportUrl);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('loads nothing but the page itself', (context) => {
    if (!hasChromium) return context.skip(skipMessage);
    expect(requests).toEqual([reportUrl]);
  });

  it('shows the class figures that the results documents give', async (context) => {
    if (!hasChromium) return context.skip(skipMessage);
    const figure = async (name: string): Promise<string> => (await page.locator(`[data-figure="${name}"] .value`).textContent()) ?? '';
    const percents = results.map((result) => percent(result.score, result.maxScore));
    expect(await figure('learners')).toBe(String(classSize));
    expect(await figure('mean')).toBe(`${Math.round(percents.reduce((sum, value) => sum + value, 0) / percents.length)}%`);
    expect(await figure('full-marks')).toBe(String(results.filter((result) => result.score === result.maxScore).length));
    expect(await figure('not-graded')).toBe('3');
  });

  it('draws a histogram whose bars count the learners in each band of scores', async (context) => {
    if (!hasChromium) return context.skip(skipMessage);
    const bins = await page.locator('#histogram g.bin').evaluateAll((groups) =>
      groups.map((group) => ({ label: group.getAttribute('data-bin'), count: Number(group.getAttribute('data-count')), height: Number(group.querySelector('rect')?.getBoundingClientRect().height) })),
    );
    expect(bins).toHaveLength(11);
    expect(bins.reduce((sum, bin) => sum + bin.count, 0)).toBe(classSize);
    const full = results.filter((result) => result.score === result.maxScore).length;
    const zero = results.filter((result) => result.score === 0).length;
    expect(bins.at(-1)).toMatchObject({ label: '100', count: full });
    expect(bins[0]).toMatchObject({ label: '0–9', count: zero });
    for (const bin of bins) expect(bin.height > 0).toBe(bin.count > 0);
    // The tallest bar is the band with the most learners.
    const tallest = bins.reduce((best, bin) => (bin.height > best.height ? bin : best));
    expect(tallest.count).toBe(Math.max(...bins.map((bin) => bin.count)));
  });

  it('gives the pass rate of every check over the learners who handed the exercise in', async (context) => {
    if (!hasChromium) return context.skip(skipMessage);
    const checks = results.flatMap((result) => result.exercises.filter((exercise) => handedIn(exercise)).flatMap((exercise) => exercise.checks));
    const ids = [...new Set(checks.map((check) => check.id))];
    expect(ids.length).toBeGreaterThan(10);
    for (const id of ids) {
      const passed = checks.filter((check) => check.id === id && check.passed).length;
      const handedIn = checks.filter((check) => check.id === id).length;
      const text = await page.locator(`table.checks td[data-check="${id}"] .figure`).textContent();
      expect(text).toBe(`${passed} of ${handedIn} (${Math.round(percent(passed, handedIn))}%)`);
    }
    const missed = await page.locator('#missed td[data-check]').evaluateAll((cells) => cells.map((cell) => Number(cell.getAttribute('data-passed')) / Number(cell.getAttribute('data-submitted'))));
    expect(missed.length).toBeGreaterThan(0);
    expect([...missed].sort((a, b) => a - b)).toEqual(missed);
  });

  it('summarizes every exercise', async (context) => {
    if (!hasChromium) return context.skip(skipMessage);
    for (const slug of classSlugs) {
      const exercises = results.flatMap((result) => result.exercises.filter((exercise) => exercise.slug === slug && handedIn(exercise)));
      const row = page.locator(`#exercises tr[data-exercise="${slug}"]`);
      expect(await row.locator('[data-handed-in]').textContent()).toBe(String(exercises.length));
      const passed = exercises.filter((exercise) => exercise.status === 'passed').length;
      expect(await row.locator('td.rate .figure').textContent()).toBe(`${passed} of ${exercises.length} (${Math.round(percent(passed, exercises.length))}%)`);
      const mean = exercises.reduce((sum, exercise) => sum + exercise.score, 0) / exercises.length;
      expect(await row.locator('[data-mean-score]').textContent()).toBe(`${mean.toFixed(1)} / ${exercises[0]?.maxScore}`);
    }
    const compileErrors = await page.locator('#exercises tr[data-exercise="favorite-color"] [data-status="compile-error"]').getAttribute('data-count');
    expect(compileErrors).toBe('1');
  });

  it('counts the learners whose results showed each known mistake, by name', async (context) => {
    if (!hasChromium) return context.skip(skipMessage);
    const named = results.flatMap((result) => result.exercises.flatMap((exercise) => exercise.mistakes.map((mistake) => `${exercise.slug}/${mistake.id}`)));
    // The fixture's mistaken learner hands in two known mistakes.
    expect(named).toEqual(expect.arrayContaining(['favorite-color/session-set-method', 'visit-counter/module-counter']));
    const rows = await page.locator('#mistakes tr[data-mistake]').evaluateAll((cells) =>
      cells.map((row) => [row.getAttribute('data-mistake'), Number(row.querySelector('[data-learners]')?.getAttribute('data-learners'))]),
    );
    expect(rows.map(([id]) => id).sort()).toEqual([...new Set(named)].sort());
    for (const [id, learners] of rows) expect(learners).toBe(named.filter((one) => one === id).length);
  });

  it('fits the page width and can be kept as a screenshot', async (context) => {
    if (!hasChromium) return context.skip(skipMessage);
    const overflow = await page.locator('html').evaluate((root) => root.scrollWidth - root.clientWidth);
    expect(overflow).toBe(0);
    const shot = await page.screenshot({ fullPage: true, path: process.env.CLASS_REPORT_SCREENSHOT || undefined });
    expect(shot.length).toBeGreaterThan(10_000);
  });
});
