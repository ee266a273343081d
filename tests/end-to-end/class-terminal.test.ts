/**
 * A class run on a real terminal (tmux): one progress bar redrawn in place instead of a line per
 * learner, and the summary after it.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { classSize, classSlugs, makeClass, outFolder } from '../class-fixture.js';
import { kitRoot } from '../run-kit.js';

const tmuxMissing = spawnSync('tmux', ['-V']).status !== 0;

describe.skipIf(tmuxMissing)(`a class run in a real terminal${tmuxMissing ? ' (skipped: tmux is not installed)' : ' (tmux)'}`, () => {
  const socket = `kit-class-${process.pid}`;
  const tmux = (...args: string[]): string => execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
  const screen = (): string => tmux('capture-pane', '-p', '-t', 'instructor');

  afterEach(() => {
    spawnSync('tmux', ['-L', socket, 'kill-server']);
  });

  it('draws one progress bar and then the summary', async () => {
    const submissions = makeClass();
    const out = outFolder();
    const command = `node grader/kit.mjs grade ${classSlugs.join(' ')} --submissions '${submissions}' --out '${out}' --jobs 1; echo "exited with $?"; sleep 60`;
    tmux('new-session', '-d', '-s', 'instructor', '-x', '100', '-y', '30', '-c', kitRoot, 'env', `INIT_CWD=${kitRoot}`, 'NO_COLOR=1', 'sh', '-c', command);
    const deadline = Date.now() + 60_000;
    const seen = new Set<string>();
    let text = screen();
    while (!text.includes('exited with')) {
      if (Date.now() > deadline) throw new Error(`the class run did not finish; the screen:\n${text}`);
      for (const match of text.matchAll(new RegExp(`(\\d+)/${classSize} learners`, 'g'))) seen.add(match[1] as string);
      await sleep(40);
      text = screen();
    }
    expect(text).toContain('exited with 0');
    const bars = text.split('\n').filter((line) => line.startsWith('['));
    expect(bars).toHaveLength(1);
    expect(bars[0]).toMatch(new RegExp(`^\\[█+\\] ${classSize}/${classSize} learners {2}[\\d.]+/s$`));
    expect(text).toMatch(new RegExp(`^Graded ${classSize} learners \\(3 not gradable\\) in [\\d.]+ s`, 'm'));
    // The bar was redrawn as learners were graded, not printed once at the end.
    expect(seen.size).toBeGreaterThan(1);
  });
});
