/**
 * `npm run quiz` as a learner takes it: through a pipe (one letter per line) and on a real
 * terminal (tmux: the arrow keys, Enter, a letter, q), each answer saved at once and final, the
 * explanation after it, and the score graded with the code by `npm run grade`; in a released copy,
 * with the answers sealed.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readQuiz, type Quiz } from '../../grader/engine/course/quiz.js';
import { copyKit, runIn } from '../kit-copy.js';

const slug = 'visit-counter';
const quiz = readQuiz(slug) as Quiz;
const letter = (index: number): string => String.fromCharCode(65 + index);
const rightOf = (position: number): number => quiz.answerOf(quiz.questions[position]!.id).answer;
const wrongOf = (position: number): number => (rightOf(position) + 1) % quiz.questions[position]!.choices.length;
const points = { easy: 1, medium: 2, hard: 3 };

let kit = '';
beforeAll(() => {
  kit = copyKit();
  // Builds the copy's grader once, so that the runs below time only themselves.
  runIn(kit, ['list']);
});

function quizThroughPipe(root: string, input: string, args: string[] = []): { status: number | null; stdout: string; stderr: string } {
  const { NO_COLOR: _noColor, FORCE_COLOR: _forceColor, ...inherited } = process.env;
  const run = spawnSync(process.execPath, [path.join(root, 'grader', 'kit.mjs'), 'quiz', slug, ...args], {
    cwd: root,
    env: { ...inherited, INIT_CWD: root },
    input,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const answersIn = (root: string): Record<string, string> =>
  (JSON.parse(readFileSync(path.join(root, 'exercises', slug, 'quiz-answers.json'), 'utf8')) as { answers: Record<string, string> }).answers;

describe('the quiz through a pipe', () => {
  it('asks one question at a time, explains each answer, asks again after a letter that is no choice, and keeps what was answered', () => {
    const run = quizThroughPipe(kit, `${letter(rightOf(0))}\nmaybe\n${letter(wrongOf(1))}\n`);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const [first, second] = quiz.questions;
    expect(run.stdout).toContain(`Question 1 of ${quiz.questions.length}`);
    expect(run.stdout).toContain(first!.prompt.slice(0, 40));
    expect(run.stdout).toContain(`Right: ${letter(rightOf(0))}.`);
    expect(run.stdout).toContain(quiz.answerOf(first!.id).why[rightOf(0)]!.split(' ').slice(2, 7).join(' '));
    expect(run.stdout).toContain('"maybe" is not a choice');
    expect(run.stdout).toContain(`you chose ${letter(wrongOf(1))}, the answer is ${letter(rightOf(1))}`);
    // The wrong choice's explanation, then the right one's.
    expect(run.stdout).toContain(quiz.answerOf(second!.id).why[wrongOf(1)]!.split(' ').slice(0, 6).join(' '));
    expect(run.stdout).toMatch(/8 questions not answered yet/);
    expect(answersIn(kit)).toEqual({ [first!.id]: letter(rightOf(0)), [second!.id]: letter(wrongOf(1)) });
  });

  it('goes on where it stopped, asking only the questions not answered', () => {
    const run = quizThroughPipe(kit, `${letter(rightOf(2))}\nq\n`);
    expect(run.stdout).toContain('2 of 10 answered already; going on.');
    expect(run.stdout).toContain('Question 3 of 10');
    expect(run.stdout).not.toContain('Question 1 of 10');
    expect(Object.keys(answersIn(kit))).toHaveLength(3);
  });

  it("is graded with the code, apart from the checks' score", () => {
    const expected = [0, 2].reduce((sum, position) => sum + points[quiz.questions[position]!.level], 0);
    const json = runIn(kit, ['grade', slug, '--json', '--no-typecheck']);
    const result = (JSON.parse(json.stdout) as { exercises: { score: number; quiz: { points: number; answered: number; questions: { chosen: string | null }[] } }[] }).exercises[0]!;
    expect(result.quiz.points).toBe(expected);
    expect(result.quiz.answered).toBe(3);
    expect(result.score).toBe(0);
    const report = runIn(kit, ['grade', slug, '--no-typecheck']);
    expect(report.stdout).toContain(`quiz: ${expected}/`);
    expect(report.stdout).toMatch(/Quizzes: \d+\/\d+ points, 1 of 1 taken/);
    const maxPoints = quiz.questions.reduce((sum, question) => sum + points[question.level], 0);
    expect(runIn(kit, ['list']).stdout).toMatch(new RegExp(`${slug} .* ${expected}/${maxPoints}\\n`));
  });

  it('refuses to write over an answers file it cannot read, in one line', () => {
    const copy = copyKit();
    execFileSync('sh', ['-c', `printf '{ "answers": ' > '${path.join(copy, 'exercises', slug, 'quiz-answers.json')}'`]);
    const run = quizThroughPipe(copy, 'A\n');
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/quiz-answers.json is not valid JSON.*move it away to start again/);
    expect(readFileSync(path.join(copy, 'exercises', slug, 'quiz-answers.json'), 'utf8')).toBe('{ "answers": ');
  });
});

const tmuxMissing = spawnSync('tmux', ['-V']).status !== 0;

describe.skipIf(tmuxMissing)(`the quiz on a terminal${tmuxMissing ? ' (skipped: tmux is not installed)' : ' (tmux)'}`, () => {
  const socket = `kit-quiz-${process.pid}`;
  const tmux = (...args: string[]): string => execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
  const screen = (): string => tmux('capture-pane', '-p', '-t', 'learner');
  const waitFor = async (pattern: RegExp): Promise<string> => {
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      const shown = screen();
      if (pattern.test(shown)) return shown;
      await sleep(100);
    }
    throw new Error(`the screen never showed ${pattern}:\n${screen()}`);
  };
  let root = '';
  beforeAll(() => {
    root = copyKit();
    runIn(root, ['list']);
  });
  afterAll(() => {
    spawnSync('tmux', ['-L', socket, 'kill-server']);
  });

  it('moves the arrow with the keys, answers with Enter or a letter, and stops on q keeping the answers', async () => {
    tmux('new-session', '-d', '-s', 'learner', '-x', '90', '-y', '40', '-c', root, 'env', `INIT_CWD=${root}`, 'NO_COLOR=1', 'sh', '-c', `node grader/kit.mjs quiz ${slug}; echo "quiz ended $?"; sleep 30`);
    await waitFor(/> A\. /);
    // Two keys in one burst, as a key held down sends them: both move the arrow.
    tmux('send-keys', '-t', 'learner', 'Down', 'Down');
    await waitFor(/> C\. /);
    tmux('send-keys', '-t', 'learner', 'Enter');
    await waitFor(/Any key: next question/);
    tmux('send-keys', '-t', 'learner', 'Space');
    await waitFor(/Question 2 of 10/);
    tmux('send-keys', '-t', 'learner', 'c');
    await waitFor(/Any key: next question/);
    tmux('send-keys', '-t', 'learner', 'q');
    const ended = await waitFor(/quiz ended 0/);
    expect(ended).toMatch(/8 questions not answered yet/);
    // Each question drawn once: the arrow's moves redraw it in place.
    expect(ended.match(/Question 2 of 10/g)).toHaveLength(1);
    expect(answersIn(root)).toEqual({ [quiz.questions[0]!.id]: 'C', [quiz.questions[1]!.id]: 'C' });
  });
});

describe("a learner's copy", () => {
  it('asks the quiz with its answers sealed in the file', () => {
    const out = path.join(path.dirname(copyKit()), 'released');
    const release = runIn(kit, ['release', '--out', out], { timeoutMs: 300_000 });
    expect(release.status, release.stderr).toBe(0);
    const sealed = readFileSync(path.join(out, 'exercises', slug, 'quiz.json'), 'utf8');
    expect(sealed).not.toContain(quiz.answerOf(quiz.questions[0]!.id).why[0]!.slice(0, 30));
    expect(existsSync(path.join(out, 'solutions'))).toBe(false);
    execFileSync('ln', ['-s', path.join(kit, 'node_modules'), path.join(out, 'node_modules')]);
    const run = quizThroughPipe(out, `${letter(rightOf(0))}\n`);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain(`Right: ${letter(rightOf(0))}.`);
    expect(run.stdout).toContain(quiz.answerOf(quiz.questions[0]!.id).why[rightOf(0)]!.split(' ').slice(2, 7).join(' '));
  });
});
