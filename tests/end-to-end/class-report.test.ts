/**
 * The class report (report.html) of a real class run: a full-marks learner, two partly right ones
 * with the same known mistake (one under an id that is markup), one whose view lacks its export
 * (it never ran), an empty folder and an untouched copy of the kit. Its figures are read off the
 * page and compared with the results documents of the same run: the table of learners, the mean
 * over the learners who handed something in, the most missed checks over the exercises that ran,
 * the known mistakes by learners. Then the page in headless Chromium: nothing loaded but itself,
 * the histogram, the width on screen and on paper.
 * Set CLASS_REPORT_SCREENSHOT=<file.png> to keep a screenshot of the page.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExerciseResult, GradeResult } from '../../grader/engine/results.js';
import { chromiumArgs, chromiumPath, noChromium } from '../browser.js';
import { classSlugs, outFolder } from '../class-fixture.js';
import { kitRoot, runKit } from '../run-kit.js';

/** An id that is markup: the page must show it as text. */
const markupId = '<img src=x onerror=alert(1)>';

function makeClass(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'class-report-'));
  const view = (learner: string, slug: string, from: string): void => {
    mkdirSync(path.join(root, learner, slug), { recursive: true });
    cpSync(from, path.join(root, learner, slug, 'view.ts'));
  };
  const solution = (slug: string): string => path.join(kitRoot, 'solutions', slug, 'view.ts');
  const setMethod = path.join(kitRoot, 'solutions', 'favorite-color', 'mistakes', 'session-set-method.ts');
  for (const slug of classSlugs) view('ada', slug, solution(slug));
  for (const learner of ['cy', markupId]) {
    view(learner, 'favorite-color', setMethod);
    view(learner, 'visit-counter', solution('visit-counter'));
  }
  view('di', 'visit-counter', solution('visit-counter'));
  mkdirSync(path.join(root, 'di', 'favorite-color'));
  writeFileSync(path.join(root, 'di', 'favorite-color', 'view.ts'), 'export function showColour(req: unknown, res: { send(text: string): void }): void {\n  res.send("Favorite color: unknown");\n}\n');
  mkdirSync(path.join(root, 'ed'));
  for (const slug of classSlugs) cpSync(path.join(kitRoot, 'exercises', slug), path.join(root, 'bo', 'exercises', slug), { recursive: true });
  return root;
}

const percent = (part: number, whole: number): number => (whole === 0 ? 0 : (100 * part) / whole);
const notRun = (message: string | null): boolean => message?.startsWith('not run: ') ?? false;
/** In this class no app stops partway: an exercise ran when it passed or failed. */
const ran = (exercise: ExerciseResult): boolean => exercise.status === 'passed' || exercise.status === 'failed';

/** The attributes of an element's opening tag, decoded as the few entities the page writes. */
function attributes(tag: string): Record<string, string> {
  const decode = (text: string): string => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
  return Object.fromEntries([...tag.matchAll(/([\w-]+)="([^"]*)"/g)].map((match) => [match[1], decode(match[2] ?? '')]));
}

let out: string;
let html: string;
let stdout: string;
let results: Map<string, GradeResult>;

beforeAll(() => {
  out = outFolder();
  const run = runKit(['grade', ...classSlugs, '--submissions', makeClass(), '--out', out]);
  expect(run.status, run.stderr).toBe(0);
  stdout = run.stdout;
  html = readFileSync(path.join(out, 'report.html'), 'utf8');
  results = new Map(
    readdirSync(path.join(out, 'records')).map((name) => {
      const record = JSON.parse(readFileSync(path.join(out, 'records', name), 'utf8')) as { learner: string };
      return [record.learner, JSON.parse(readFileSync(path.join(out, 'results', name), 'utf8')) as GradeResult];
    }),
  );
});

const handedIn = ['ada', 'cy', 'di', markupId];
const figure = (name: string): string => new RegExp(`data-figure="${name}"><div class="value">([^<]*)<`).exec(html)?.[1] ?? '';

describe('report.html, read against the results of the same run', () => {
  it('has a row per learner: score, exercises passed, status, and a link to their own feedback', () => {
    const rows = [...html.matchAll(/<tr (data-learner="[^>]*)>(.*?)<\/tr>/g)].map((match) => ({ row: attributes(match[1] ?? ''), cells: match[2] ?? '' }));
    expect(rows.map(({ row }) => row['data-learner']).sort()).toEqual([...results.keys()].sort());
    for (const { row, cells } of rows) {
      const learner = row['data-learner'] ?? '';
      const result = results.get(learner) as GradeResult;
      expect(cells).toContain(`data-score="${result.score}" data-max-score="${result.maxScore}">${result.score} / ${result.maxScore} (${Math.round(percent(result.score, result.maxScore))}%)`);
      const passed = result.exercises.filter((exercise) => exercise.status === 'passed').length;
      expect(cells).toContain(`>${passed} of ${classSlugs.length}</td>`);
      expect(row['data-handed-in']).toBe(String(handedIn.includes(learner)));
      const feedback = path.join(out, row['data-feedback'] ?? 'no link');
      expect(existsSync(feedback), learner).toBe(true);
      expect(path.dirname(feedback)).toBe(path.join(out, 'feedback'));
      expect(readFileSync(feedback, 'utf8').split('\n')[0]).toMatch(/^# Feedback for /);
    }
    const status = (learner: string): string => /data-status="([^"]*)"/.exec(rows.find(({ row }) => row['data-learner'] === learner)?.cells ?? '')?.[1] ?? '';
    expect(['ada', 'cy', 'di', 'ed', 'bo'].map(status)).toEqual(['graded', 'graded', 'graded', 'empty folder', 'nothing started']);
    expect(rows.find(({ row }) => row['data-learner'] === 'di')?.cells).toContain('data-not-run="favorite-color">favorite-color: missing-export</span>');
  });

  it('shows an id that is markup as text', () => {
    expect(html).not.toContain(markupId);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('takes the mean over the learners who handed something in and counts the others apart', () => {
    const percents = handedIn.map((learner) => percent(results.get(learner)?.score ?? 0, results.get(learner)?.maxScore ?? 0));
    const mean = Math.round(percents.reduce((sum, value) => sum + value, 0) / percents.length);
    expect(figure('learners')).toBe('6');
    expect(figure('handed-in')).toBe('4');
    expect(figure('mean')).toBe(`${mean}%`);
    expect(figure('full-marks')).toBe('1');
    expect(figure('apart')).toBe('2');
    expect(html).toContain('2 learners handed in nothing gradable, counted apart: bo, ed.');
    expect(html).toMatch(/<tr><td>bo<\/td><td>nothing started<\/td><td>every exercise is the stub as handed out, or missing<\/td><\/tr>/);
    expect(html).toMatch(/<tr><td>ed<\/td><td>empty<\/td><td>[^<]+<\/td><\/tr>/);
    // The run's last lines say the same.
    expect(stdout).toContain(`Class: mean ${mean}%, median `);
    expect(stdout).toContain(' over the 4 learners who handed something in; 2 learners handed in nothing gradable, counted apart: bo, ed.');
  });

  it('counts in the most missed checks only the exercises that ran: a missing export fills none of it', () => {
    const missed = [...html.matchAll(/<td class="rate" data-check="([^"]*)" data-passed="(\d+)" data-ran="(\d+)">/g)];
    const inMissed = missed.filter((match) => (match.index ?? 0) < html.indexOf('<h2>Known mistakes'));
    expect(inMissed.length).toBeGreaterThan(0);
    for (const [, id, passed, ranFor] of inMissed) {
      const slug = id?.split('/')[0] ?? '';
      const counted = [...results.values()].flatMap((result) => result.exercises.filter((exercise) => exercise.slug === slug && ran(exercise)));
      const checks = counted.flatMap((exercise) => exercise.checks.filter((check) => check.id === id && !notRun(check.message)));
      expect([Number(passed), Number(ranFor)]).toEqual([checks.filter((check) => check.passed).length, checks.length]);
      expect(Number(passed)).toBeLessThan(Number(ranFor));
    }
    // favorite-color ran for ada, cy and the markup id: not for di (missing export) nor bo (the stub).
    for (const [, id, , ranFor] of missed.filter((match) => match[1]?.startsWith('favorite-color/'))) expect(ranFor, id).toBe('3');
    const rates = inMissed.map((match) => Number(match[2]) / Number(match[3]));
    expect([...rates].sort((a, b) => a - b)).toEqual(rates);
  });

  it('summarizes every exercise over the learners it ran for', () => {
    for (const slug of classSlugs) {
      const row = new RegExp(`<tr data-exercise="${slug}">(.*?)</tr>`).exec(html)?.[1] ?? '';
      const exercises = handedIn.map((learner) => results.get(learner)?.exercises.find((exercise) => exercise.slug === slug) as ExerciseResult);
      const running = exercises.filter(ran);
      const mean = running.reduce((sum, exercise) => sum + exercise.score, 0) / running.length;
      expect(row).toContain(`data-ran="${running.length}">${running.length}</td>`);
      expect(row).toContain(`>${mean.toFixed(1)} / ${running[0]?.maxScore}</td>`);
      expect(row).toContain(`data-passed="${running.filter((exercise) => exercise.status === 'passed').length}" data-ran="${running.length}"`);
    }
    expect(html).toMatch(/<tr data-exercise="favorite-color">.*data-status="missing-export" data-count="1"/);
  });

  it('counts the learners each known mistake was found for', () => {
    const rows = [...html.matchAll(/<tr data-mistake="([^"]*)">.*?data-learners="(\d+)"/g)].map((match) => [match[1], Number(match[2])]);
    const named = [...results.values()].flatMap((result) => result.exercises.flatMap((exercise) => exercise.mistakes.filter((one) => one.certain).map((one) => `${exercise.slug}/${one.id}`)));
    expect(named.filter((id) => id === 'favorite-color/session-set-method')).toHaveLength(2);
    expect(rows).toContainEqual(['favorite-color/session-set-method', 2]);
    for (const [id, learners] of rows) expect(learners).toBe(named.filter((one) => one === id).length);
  });
});

describe('report.html in headless Chromium', () => {
  let browser: Browser;
  let page: Page;
  const requests: string[] = [];
  let reportUrl: string;

  beforeAll(async () => {
    if (chromiumPath === null) return;
    browser = await chromium.launch({ executablePath: chromiumPath ?? undefined, args: chromiumArgs });
    page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    page.on('request', (request) => requests.push(request.url()));
    reportUrl = pathToFileURL(path.join(out, 'report.html')).href;
    await page.goto(reportUrl);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('loads nothing but the page itself', (context) => {
    if (chromiumPath === null) return context.skip(noChromium);
    expect(requests).toEqual([reportUrl]);
  });

  it('draws a histogram of the learners who handed something in', async (context) => {
    if (chromiumPath === null) return context.skip(noChromium);
    const bins = await page.locator('#histogram g.bin').evaluateAll((groups) =>
      groups.map((group) => ({ label: group.getAttribute('data-bin'), count: Number(group.getAttribute('data-count')), height: Number(group.querySelector('rect')?.getBoundingClientRect().height) })),
    );
    expect(bins).toHaveLength(11);
    expect(bins.reduce((sum, bin) => sum + bin.count, 0)).toBe(handedIn.length);
    expect(bins.at(-1)).toMatchObject({ label: '100', count: 1 });
    for (const bin of bins) expect(bin.height > 0).toBe(bin.count > 0);
  });

  it('opens a learner\'s feedback from the table', async (context) => {
    if (chromiumPath === null) return context.skip(noChromium);
    const href = await page.locator('#learners tr[data-learner="di"] a').getAttribute('href');
    expect(href).toBe('feedback/di.md');
    // The link as the browser resolves it, from the page's own address.
    expect(readFileSync(fileURLToPath(new URL(href ?? '', page.url())), 'utf8')).toMatch(/^# Feedback for di\n/);
  });

  it('fits the page width on screen and on paper, and can be kept as a screenshot', async (context) => {
    if (chromiumPath === null) return context.skip(noChromium);
    expect(await page.locator('html').evaluate((root) => root.scrollWidth - root.clientWidth)).toBe(0);
    const shot = await page.screenshot({ fullPage: true, path: process.env.CLASS_REPORT_SCREENSHOT || undefined });
    expect(shot.length).toBeGreaterThan(10_000);
    await page.setViewportSize({ width: 720, height: 1000 });
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('html').evaluate((root) => root.scrollWidth - root.clientWidth)).toBe(0);
  });
});
