/**
 * The isolation level as users meet it: the best one by default, recorded in the result document
 * and the class report; `--isolation` demands one, with one line naming what to install when the
 * machine lacks it; a class refuses Node's permission model alone unless asked for it.
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { GradeResult } from '../../grader/engine/results.js';
import { isolationLevels, isolationSupport, type IsolationLevel } from '../../grader/engine/sandbox/isolation.js';
import { accessHeader, type LoadRequest } from '../../grader/engine/sandbox/protocol.js';
import { Sandbox } from '../../grader/engine/sandbox/sandbox.js';
import { kitRoot, runKit } from '../run-kit.js';

const setpriv = '/usr/bin/setpriv';

/** A class of one learner, whose work is the favorite-color solution, readable and writable by anyone. */
function oneLearnerClass(): { submissions: string; out: string } {
  const root = mkdtempSync(path.join(tmpdir(), 'isolation-class-'));
  const submissions = path.join(root, 'submissions');
  mkdirSync(path.join(submissions, 'ana'), { recursive: true });
  cpSync(path.join(kitRoot, 'solutions', 'favorite-color'), path.join(submissions, 'ana', 'favorite-color'), { recursive: true });
  spawnSync('chmod', ['-R', 'a+rwX', root]);
  chmodSync(root, 0o777);
  return { submissions, out: path.join(root, 'out') };
}

describe('--isolation', () => {
  it('takes only the names of the levels', () => {
    const run = runKit(['grade', 'favorite-color', '--isolation', 'docker']);
    expect([run.status, run.stderr.trim()]).toEqual([2, 'error: --isolation takes bwrap, uid, permission-model (got "docker")']);
  });

  it('says in one line what to install when the machine lacks the level asked for', () => {
    const run = runKit(['grade', 'favorite-color', '--isolation', 'bwrap'], { PATH: '/nonexistent' });
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toBe(
      'error: --isolation bwrap: bubblewrap (bwrap) is not installed; install bubblewrap for the strongest seal (Debian/Ubuntu: sudo apt-get install bubblewrap)',
    );
  });

  it('is recorded in the result document: the best level by default, the one asked for otherwise', async () => {
    const best = (await isolationSupport()).best;
    if (process.env.CI === 'true') expect(best).toBe('bwrap');
    const run = (args: string[]): GradeResult => JSON.parse(runKit(['grade', 'favorite-color', '--target', 'solutions', '--no-typecheck', '--json', ...args]).stdout) as GradeResult;
    const byDefault = run([]);
    expect([byDefault.isolation, byDefault.score]).toEqual([best, byDefault.maxScore]);
    const asked = run(['--isolation', 'permission-model']);
    expect([asked.isolation, asked.score]).toEqual(['permission-model', asked.maxScore]);
  });
});

describe('a class', () => {
  it('starts with the level in force, and records it in every result and the report', async () => {
    const best = (await isolationSupport()).best;
    const { submissions, out } = oneLearnerClass();
    const run = runKit(['grade', 'favorite-color', '--submissions', submissions, '--out', out, '--isolation', 'uid']);
    if (best === 'permission-model') return;
    expect(run.status).toBe(0);
    expect(run.stdout.split('\n')[0]).toMatch(/^Learners' code runs sealed: uid \(/);
    const [file] = readdirSync(path.join(out, 'results'));
    expect((JSON.parse(readFileSync(path.join(out, 'results', file as string), 'utf8')) as GradeResult).isolation).toBe('uid');
    expect(readFileSync(path.join(out, 'report.html'), 'utf8')).toContain("Learners' code ran sealed by: uid.");
  });

  it("refuses Node's permission model alone, even when asked for it, in one line", () => {
    const { submissions, out } = oneLearnerClass();
    const run = runKit(['grade', 'favorite-color', '--submissions', submissions, '--out', out, '--isolation', 'permission-model']);
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toEqual([
      "error: --isolation permission-model is not for classes: learners' hosts would share one user and one network, so one learner could cost another points; install bubblewrap for the strongest seal (Debian/Ubuntu: sudo apt-get install bubblewrap), or run as root",
    ]);
  });

  it('grades one learner at a time at uid where hosts cannot have a network of their own', (context) => {
    if (process.getuid?.() !== 0) context.skip('needs root, for the uid level');
    const { submissions, out } = oneLearnerClass();
    // A PATH with the tools of the uid level but neither bubblewrap nor unshare, as in a container.
    const tools = mkdtempSync(path.join(tmpdir(), 'no-unshare-'));
    for (const tool of ['prlimit', 'setpriv', 'sh', 'ldd']) {
      const found = ['/usr/bin', '/bin'].map((dir) => path.join(dir, tool)).find((file) => existsSync(file));
      if (found) symlinkSync(found, path.join(tools, tool));
    }
    const run = spawnSync(process.execPath, [path.join(kitRoot, 'grader', 'kit.mjs'), 'grade', 'favorite-color', '--submissions', submissions, '--out', out, '--jobs', '2'], {
      cwd: kitRoot,
      env: { PATH: tools, HOME: tmpdir() },
      encoding: 'utf8',
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout.split('\n').slice(0, 2)).toEqual([
      expect.stringMatching(/^Learners' code runs sealed: uid /),
      "Learners are graded one at a time: this machine gives their hosts no network of their own (unshare --net), and two learners' hosts must never meet.",
    ]);
    expect(run.stdout).toMatch(/, 1 at once/);
  });

  it("refuses a machine that has only Node's permission model, in one line", (context) => {
    if (process.getuid?.() !== 0 || !existsSync(setpriv)) context.skip('needs root and setpriv, to run the class as a user who has neither bubblewrap nor root');
    const { submissions, out } = oneLearnerClass();
    // As nobody, on a PATH without bubblewrap: the best this grader could do is the permission model.
    const run = spawnSync(
      setpriv,
      ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, path.join(kitRoot, 'grader', 'kit.mjs'), 'grade', 'favorite-color', '--submissions', submissions, '--out', out],
      { cwd: kitRoot, env: { PATH: '/nonexistent', HOME: tmpdir() }, encoding: 'utf8' },
    );
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toEqual([
      "error: this machine can seal learners' code only with Node's permission model (bubblewrap (bwrap) is not installed), which cannot keep one learner's code from another's: install bubblewrap for the strongest seal (Debian/Ubuntu: sudo apt-get install bubblewrap), or run as root",
    ]);
  });
});

/** The process's descendants, where the system says (Linux). */
function descendants(pid: number): number[] {
  let children: number[];
  try {
    children = readdirSync(`/proc/${pid}/task`).flatMap((task) =>
      readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number),
    );
  } catch {
    return [];
  }
  return children.flatMap((child) => [child, ...descendants(child)]);
}

/** True while a process runs (a zombie has ended). */
function alive(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

async function until(condition: () => boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return true;
}

describe('a host', () => {
  // A handler that loops never reads that its channel closed: only the kernel can end its host.
  const looping = mkdtempSync(path.join(tmpdir(), 'isolation-loop-'));
  mkdirSync(path.join(looping, 'visit-counter'));
  cpSync(path.join(kitRoot, 'tests', 'hostile', 'loops-in-handler.ts'), path.join(looping, 'visit-counter', 'view.ts'));

  it.for(isolationLevels)('at %s, ends with its grader, however the grader dies (SIGKILL)', async (level, context) => {
    const available = await isolationSupport();
    if (isolationLevels.indexOf(level) < isolationLevels.indexOf(available.best)) context.skip(available.missing[level]);
    if (process.platform !== 'linux') context.skip('reads the process tree from /proc');
    const args = ['grade', 'visit-counter', '--target', looping, '--isolation', level, '--no-typecheck', '--request-timeout', '60', '--exercise-timeout', '120'];
    const grader = spawn(process.execPath, [path.join(kitRoot, 'grader', 'kit.mjs'), ...args], { cwd: kitRoot, stdio: 'ignore' });
    const exited = new Promise((resolve) => grader.once('exit', resolve));
    const pid = grader.pid as number;
    const commandLine = (child: number): string => {
      try {
        return readFileSync(`/proc/${child}/cmdline`, 'utf8');
      } catch {
        return '';
      }
    };
    const hostNodes = (): number[] => descendants(pid).filter((child) => commandLine(child).includes('host-loader.cjs'));
    expect(await until(() => hostNodes().length > 0, 20_000)).toBe(true);
    // The looping request under way.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const tree = descendants(pid);
    grader.kill('SIGKILL');
    await exited;
    const ended = await until(() => tree.every((child) => !alive(child)), 3000);
    const left = tree.filter(alive);
    for (const child of left) process.kill(child, 'SIGKILL');
    expect(ended, `still running: ${left.join(', ')}`).toBe(true);
  });

  // At the permission model alone every host is one user on one network, which the README says.
  it.for(['bwrap', 'uid'] as IsolationLevel[])('at %s, cannot have its open files used up by other hosts connecting to it', async (level, context) => {
    const available = await isolationSupport();
    if (isolationLevels.indexOf(level) < isolationLevels.indexOf(available.best)) context.skip(available.missing[level]);
    const routes: LoadRequest['routes'] = [{ method: 'GET', path: '/ping', handler: 'view:ping' }];
    const start = async (code: string): Promise<{ sandbox: Sandbox; port: number; accessKey: string }> => {
      const sandbox = await Sandbox.start(128, level);
      const loaded = await sandbox.load({ type: 'load', slug: 'probe', routes, code, filename: '/probe/view.ts', secret: 'probe' }, 5000);
      if (!loaded.ok) throw new Error(loaded.message);
      return { sandbox, port: loaded.port, accessKey: loaded.accessKey };
    };
    const ask = (port: number, accessKey: string): Promise<string> =>
      new Promise((resolve) => {
        http.get({ host: '127.0.0.1', port, path: '/ping', headers: { [accessHeader]: accessKey }, agent: false }, (answer) => {
          let body = '';
          answer.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
          answer.on('end', () => resolve(`${answer.statusCode} ${body}`));
        }).on('error', (error) => resolve(error.message));
      });
    const victim = await start("exports.ping = (req, res) => res.send('pong');");
    // Two learners who agree: each holds as many idle connections to the third's socket as it can.
    const hoarder = `
const net = require('node:net');
const held = [];
for (let i = 0; i < 300; i++) { try { const socket = net.connect(${victim.port}, '127.0.0.1'); socket.on('error', () => {}); held.push(socket); } catch {} }
exports.ping = (req, res) => res.send(String(held.filter((socket) => socket.readyState === 'open').length));`;
    const hoarders = [await start(hoarder), await start(hoarder)];
    try {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const held = await Promise.all(hoarders.map((one) => ask(one.port, one.accessKey)));
      expect(await ask(victim.port, victim.accessKey), `connections held: ${held.join(', ')}`).toBe('200 pong');
    } finally {
      for (const one of [victim, ...hoarders]) one.sandbox.kill();
    }
  });
});

describe('no command', () => {
  it('leaves a zombie or an orphan where the first process reaps none', (context) => {
    if (process.getuid?.() !== 0 || process.platform !== 'linux') context.skip('needs root, for a PID namespace whose first process reaps nothing');
    // The first process of a PID namespace of its own waits for its own child alone, as many
    // containers' first process does, then lists every process left.
    const firstProcess = `
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const run = spawnSync(process.argv[1], process.argv.slice(2), { stdio: ['ignore', 'ignore', 'inherit'] });
setTimeout(() => {
  const left = fs.readdirSync('/proc').filter((name) => /^\\d+$/.test(name) && name !== '1')
    .map((pid) => { try { return fs.readFileSync('/proc/' + pid + '/stat', 'utf8').split(' ').slice(1, 3).join(' '); } catch { return null; } })
    .filter(Boolean);
  console.log(JSON.stringify({ status: run.status, left }));
}, 1000);`;
    for (const level of isolationLevels) {
      const run = spawnSync(
        'unshare',
        ['--pid', '--fork', '--mount-proc', process.execPath, '-e', firstProcess, process.execPath, path.join(kitRoot, 'grader', 'kit.mjs'), 'grade', 'favorite-color', '--target', 'solutions', '--isolation', level],
        { cwd: kitRoot, encoding: 'utf8' },
      );
      const found = JSON.parse(run.stdout.trim().split('\n').pop() ?? '{}') as { status?: number; left?: string[] };
      // A level this machine lacks is refused in one line, with status 2: nothing was started.
      expect([level, found.status === 0 || found.status === 2, found.left]).toEqual([level, true, []]);
    }
  });
});
