/**
 * `npm run watch` as a learner meets it: started on a copy of the exercises, files saved whole,
 * half-written, deleted and in bursts, and, in a real terminal (tmux), the keys h, n, l and q.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readProgress } from '../../grader/outputs/progress.js';
import { copyOfExercises, hostPids, isRunning, LiveKit, progressFileForTest } from '../live-kit.js';
import { loadCourse } from '../../grader/engine/course/course.js';
import { manifest } from '../../grader/engine/course/manifest.js';
import { kitRoot } from '../run-kit.js';

/** An exercise's place in the course, as watch's status line shows it (`last-page (3/11)`), escaped for a pattern. */
function place(slug: string): string {
  return `${slug} \\(${manifest.exercises.findIndex((exercise) => exercise.slug === slug) + 1}\\/${manifest.exercises.length}\\)`;
}

/** visit-counter's points, from its checks: the reports below show them. */
const max = (await loadCourse(['visit-counter']))[0]?.checks.reduce((sum, check) => sum + check.points, 0);

const solution = (slug: string): string => readFileSync(path.join(kitRoot, 'solutions', slug, 'view.ts'), 'utf8');
const stub = (slug: string): string => readFileSync(path.join(kitRoot, 'exercises', slug, 'view.ts'), 'utf8');
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
/** The status line that ends every report when the output is not a terminal. */
const reportEnd = /^watching .* · graded (in )?\d+ ms.*$/gm;

const running: LiveKit[] = [];
afterEach(() => {
  for (const kit of running.splice(0)) kit.kill();
});

function watch(exercises: string, progress: string, ...args: string[]): LiveKit {
  const kit = new LiveKit(['watch', '--target', exercises, ...args], { KIT_PROGRESS_FILE: progress });
  running.push(kit);
  return kit;
}

describe('npm run watch (output not a terminal)', () => {
  it('grades the first unfinished exercise, then each save: whole, half-written, deleted, in a burst', async () => {
    const exercises = copyOfExercises();
    const progress = progressFileForTest();
    writeFileSync(path.join(exercises, 'favorite-color', 'view.ts'), solution('favorite-color'));
    const file = path.join(exercises, 'visit-counter', 'view.ts');
    const kit = watch(exercises, progress, '--no-typecheck');

    const shown = (): number => kit.count(reportEnd);
    await kit.waitFor(() => shown() === 1, 20_000, 'the first report');
    // favorite-color passes, so the first unfinished one is visit-counter.
    expect(kit.stdout).toMatch(new RegExp(String.raw`^Watching .* for saved view\.ts files; Ctrl-C stops\.\n\n✔ favorite-color passes\nvisit-counter · Visit counter {2}0\/${max} {2}not started$`, 'm'));
    expect(kit.stdout).toContain('every handler still answers "Not implemented yet"');

    // A save: graded, with the checks and the verdict.
    writeFileSync(file, solution('visit-counter'));
    await kit.waitFor(() => shown() === 2, 10_000, 'the report after a save');
    expect(kit.stdout).toContain(`visit-counter · Visit counter  ${max}/${max}  passed`);
    // Piped, there are no keys: no "(press n)".
    expect(kit.stdout).toContain('✔ visit-counter passes. Next: last-page.\n');
    expect(kit.stdout).not.toContain('press');
    expect(kit.stdout).toMatch(/graded \d+ ms after the save/);

    // A half-written save is a compile error with its line, and watching goes on.
    writeFileSync(file, solution('visit-counter').slice(0, 260));
    await kit.waitFor(() => shown() === 3, 10_000, 'the report of a half-written file');
    expect(kit.stdout).toMatch(new RegExp(String.raw`visit-counter · Visit counter {2}0\/${max} {2}does not compile\n {2}! view\.ts does not compile: .* \(.*visit-counter\/view\.ts:\d+:\d+\)`));

    // A deleted file: its verdict, then a save brings it back.
    rmSync(file);
    await kit.waitFor(() => shown() === 4, 10_000, 'the report of a deleted file');
    expect(kit.stdout).toMatch(new RegExp(String.raw`visit-counter · Visit counter {2}0\/${max} {2}missing file\n {2}! .*visit-counter\/view\.ts is missing`));

    // A burst of saves is graded once, as it ended.
    const text = solution('visit-counter');
    for (let cut = 40; cut < text.length; cut += Math.ceil(text.length / 6)) {
      writeFileSync(file, text.slice(0, cut));
      await sleep(10);
    }
    writeFileSync(file, text);
    await kit.waitFor(() => shown() === 5, 10_000, 'the report after a burst');
    await sleep(1500);
    expect(shown()).toBe(5);
    expect(kit.stdout.slice(kit.stdout.lastIndexOf('visit-counter · '))).toMatch(new RegExp(String.raw`^visit-counter · Visit counter {2}${max}\/${max} {2}passed`));

    // Saving another exercise's view makes it the current one.
    writeFileSync(path.join(exercises, 'last-page', 'view.ts'), stub('last-page').replace('Not implemented yet', 'Nearly'));
    await kit.waitFor(() => shown() === 6, 10_000, 'the report of another exercise');
    expect(kit.stdout).toMatch(/last-page · Last page visited {2}0\/\d+ {2}failed/);
    expect(kit.stdout).toMatch(new RegExp(`watching .* · ${place('last-page')} · 2 passed · graded \\d+ ms after the save`));

    // The host for the next save is started right after each grading.
    await kit.waitFor(() => hostPids(kit.child.pid as number).length > 0, 30_000, 'the next host');
    const hosts = hostPids(kit.child.pid as number);
    expect(await kit.interrupt()).toBe(0);
    expect(kit.stdout.trimEnd().endsWith('Stopped watching.')).toBe(true);
    expect(hosts.filter(isRunning)).toEqual([]);
    // Another folder than the kit's: nothing recorded as the learner's progress.
    expect(readProgress(progress).grades).toEqual({});
  });

  it('re-grades each save on a fresh host that was started before the save (its speed is in npm run bench)', async () => {
    const exercises = copyOfExercises();
    const kit = watch(exercises, progressFileForTest(), 'visit-counter', '--no-typecheck');
    const file = path.join(exercises, 'visit-counter', 'view.ts');
    await kit.waitFor((out) => out.includes('visit-counter · Visit counter'), 20_000, 'the first report');
    const hostsBeforeSaves: number[][] = [];
    for (let save = 0; save < 10; save++) {
      // A learner reads the report before saving again.
      await sleep(500);
      hostsBeforeSaves.push(hostPids(kit.child.pid as number));
      const before = kit.count(reportEnd);
      writeFileSync(file, save % 2 === 0 ? solution('visit-counter') : `${stub('visit-counter')}// save ${save}\n`);
      await kit.waitFor(() => kit.count(reportEnd) > before, 10_000, `the report of save ${save}`);
    }
    // Each save was graded by a host started for it, already waiting: never one that ran earlier code.
    expect(hostsBeforeSaves.every((hosts) => hosts.length === 1)).toBe(true);
    expect(new Set(hostsBeforeSaves.flat()).size).toBe(10);
  });

  it('adds the type warnings when the type check is ready', async () => {
    const exercises = copyOfExercises();
    const kit = watch(exercises, progressFileForTest(), 'visit-counter');
    await kit.waitFor((out) => out.includes('visit-counter · Visit counter'), 20_000, 'the first report');
    writeFileSync(path.join(exercises, 'visit-counter', 'view.ts'), `${solution('visit-counter')}\nexport const visitsWord: number = 'visits';\n`);
    await kit.waitFor((out) => out.includes('-- types: 1 type error'), 30_000, 'the type warnings');
    expect(kit.stdout).toMatch(new RegExp(String.raw`visit-counter · Visit counter {2}${max}\/${max} {2}passed\n {2}⚠ .*visit-counter\/view\.ts:\d+:\d+ type error TS2322: Type 'string' is not assignable to type 'number'\.`));
    expect(await kit.interrupt()).toBe(0);
  });

  it("records each grading of the kit's own exercises as the learner's progress", async () => {
    const progress = progressFileForTest();
    const kit = new LiveKit(['watch', 'visit-counter', '--no-typecheck'], { KIT_PROGRESS_FILE: progress });
    running.push(kit);
    await kit.waitFor(() => kit.count(reportEnd) === 1, 20_000, 'the first report');
    expect(kit.stdout).toMatch(new RegExp(`^watching exercises · ${place('visit-counter')}`, 'm'));
    expect(readProgress(progress).grades['visit-counter']).toMatchObject({ status: 'not-started', score: 0, maxScore: max });
    expect(await kit.interrupt()).toBe(0);
  });

  it.each([
    [['watch', 'no-such-exercise'], /^error: no exercise "no-such-exercise": the exercises are favorite-color, /],
    [['watch', '--target', 'no/such/folder'], /^error: no folder .*no\/such\/folder: --target takes the folder that holds the exercise folders$/],
    [['watch', '--heap-mb', 'lots'], /^error: --heap-mb takes a whole number from 16 to 8192, not "lots"$/],
  ])('exits 2 with one line for %j', async (args, message) => {
    const kit = new LiveKit(args);
    running.push(kit);
    expect(await kit.exited).toBe(2);
    expect(kit.stderr.trim()).toMatch(message);
  });
});

const tmuxMissing = spawnSync('tmux', ['-V']).status !== 0;

describe.skipIf(tmuxMissing)(`npm run watch in a real terminal${tmuxMissing ? ' (skipped: tmux is not installed)' : ' (tmux)'}`, () => {
  const socket = `kit-watch-${process.pid}`;
  const tmux = (...args: string[]): string => execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
  const screen = (): string => tmux('capture-pane', '-p', '-t', 'learner');

  async function waitForScreen(done: (text: string) => boolean, what: string, timeoutMs = 15_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const text = screen();
      if (done(text)) return text;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; the screen:\n${text}`);
      await sleep(50);
    }
  }

  afterEach(() => {
    spawnSync('tmux', ['-L', socket, 'kill-server']);
  });

  it('grades on save, survives a half-written save, and answers h, n, l and q', async () => {
    const exercises = copyOfExercises();
    const progress = progressFileForTest();
    const file = path.join(exercises, 'visit-counter', 'view.ts');
    writeFileSync(path.join(exercises, 'favorite-color', 'view.ts'), solution('favorite-color'));
    const command = `node grader/kit.mjs watch --target '${exercises}' --no-typecheck; echo "watch exited with $?"; sleep 60`;
    tmux('new-session', '-d', '-s', 'learner', '-x', '140', '-y', '50', '-c', kitRoot, 'env', `KIT_PROGRESS_FILE=${progress}`, `INIT_CWD=${kitRoot}`, 'sh', '-c', command);

    let text = await waitForScreen((t) => t.includes(`visit-counter · Visit counter  0/${max}  not started`), 'the first report', 30_000);
    expect(text).toContain('h hint · n next exercise · l list · r re-grade · q quit');
    expect(text).toMatch(new RegExp(`watching .* · ${place('visit-counter')} · 1 passed`));

    tmux('send-keys', '-t', 'learner', 'h');
    text = await waitForScreen((t) => t.includes('Hint 1 of 3 for visit-counter:'), 'the first hint');
    expect(text).toContain(`visit-counter · Visit counter  0/${max}  not started`);
    tmux('send-keys', '-t', 'learner', 'h');
    text = await waitForScreen((t) => t.includes('Hint 2 of 3 for visit-counter:'), 'the second hint');
    // Hints stay on screen below the report, in order.
    expect(text.indexOf('Hint 1 of 3')).toBeLessThan(text.indexOf('Hint 2 of 3'));

    writeFileSync(file, solution('visit-counter'));
    text = await waitForScreen((t) => t.includes(`visit-counter · Visit counter  ${max}/${max}  passed`), 'the report after a save');
    expect(text).toContain('✔ visit-counter passes. Next: last-page (press n).');
    expect(text).not.toContain(`0/${max}  not started`);
    // A passed exercise's hints are not used up: the list below still counts 2 of 3 seen.
    tmux('send-keys', '-t', 'learner', 'h');
    text = await waitForScreen((t) => t.includes('visit-counter passes: no hint needed'), 'the answer to h on a passed exercise');
    expect(text).not.toContain('Hint 3 of 3');

    // The list on a passed exercise: its arrow is on the exercise its footer names next, not on the one shown.
    tmux('send-keys', '-t', 'learner', 'l');
    text = await waitForScreen((t) => t.includes('exercises passed. Next:'), 'the list on a passed exercise');
    expect(text).toContain(`2 of ${manifest.exercises.length} exercises passed. Next: last-page`);
    expect(text).toMatch(/→ 3 {2}last-page +easy +not graded/);
    expect(text).not.toMatch(/→ +2 {2}visit-counter/);
    expect(text).toMatch(new RegExp(`${place('visit-counter')} · 2 passed`));
    tmux('send-keys', '-t', 'learner', 'l');
    await waitForScreen((t) => t.includes('✔ visit-counter passes.'), 'the report again');

    writeFileSync(file, solution('visit-counter').slice(0, 260));
    text = await waitForScreen((t) => t.includes('does not compile'), 'the report of a half-written save');
    expect(text).toMatch(/! view\.ts does not compile: .*view\.ts:\d+:\d+\)/);
    writeFileSync(file, solution('visit-counter'));
    await waitForScreen((t) => t.includes(`${max}/${max}  passed`), 'the report after the save is finished');

    tmux('send-keys', '-t', 'learner', 'n');
    text = await waitForScreen((t) => t.includes('last-page · Last page visited'), 'the next exercise');
    expect(text).toMatch(new RegExp(`${place('last-page')} · 2 passed`));

    tmux('send-keys', '-t', 'learner', 'l');
    text = await waitForScreen((t) => t.includes('exercises passed. Next:'), 'the list');
    expect(text).toMatch(/→ 3 {2}last-page +easy +not-started/);
    expect(text).toMatch(new RegExp(String.raw` {3}2 {2}visit-counter +easy +passed +${max}\/${max} +2\/3`));

    tmux('send-keys', '-t', 'learner', 'q');
    text = await waitForScreen((t) => t.includes('watch exited with'), 'the end of watch');
    expect(text).toContain('Stopped watching.');
    expect(text).toContain('watch exited with 0');
    expect(readProgress(progress).hintsShown).toEqual({ 'visit-counter': 2 });
  });
});
