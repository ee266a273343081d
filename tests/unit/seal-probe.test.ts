/**
 * The seal, proved from inside. A probe runs sealed exactly as a sandbox host is (`sealedCommand`),
 * but without Node's permission model, so that what stops it is the operating system's seal
 * alone: it tries to read the answers, write into the kit through V8's flags, reach the network,
 * start a program, signal the grader and see its environment. The test fails if any of it works.
 * Bubblewrap is required where CI runs (`.ci/run` installs it); elsewhere the `bwrap` part skips
 * with the reason.
 */
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os, { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isolationLevels, isolationSupport, sealedCommand, type IsolationLevel, type IsolationSupport } from '../../grader/engine/sandbox/isolation.js';
import { accessHeader } from '../../grader/engine/sandbox/protocol.js';
import { Sandbox } from '../../grader/engine/sandbox/sandbox.js';
import { kitRoot } from '../run-kit.js';

const written = [path.join(kitRoot, '.seal-probe-v8'), path.join(kitRoot, '.seal-probe-write'), path.join(kitRoot, '.npmrc')];

/**
 * The probe: each attempt answers 'blocked' or what it managed. Its V8 flags come last (they may
 * abort it); what they wrote, if anything, is looked for on disk afterwards.
 */
function probeSource(port: number): string {
  return `
const fs = require('node:fs');
const v8 = require('node:v8');
const net = require('node:net');
const kit = ${JSON.stringify(kitRoot)};
const out = {};
const attempt = (name, action) => { try { out[name] = action(); } catch (error) { out[name] = 'blocked'; } };
attempt('readHiddenCheck', () => fs.readFileSync(kit + '/.kit-build/solutions/visit-counter/checks.js', 'utf8').slice(0, 40));
attempt('readCheckSource', () => fs.readFileSync(kit + '/solutions/visit-counter/checks.ts', 'utf8').slice(0, 40));
attempt('readSolution', () => fs.readFileSync(kit + '/solutions/visit-counter/view.ts', 'utf8').slice(0, 40));
attempt('listKit', () => fs.readdirSync(kit).join(','));
attempt('writeKit', () => { fs.writeFileSync(kit + '/.seal-probe-write', 'x'); return 'written'; });
attempt('writeNpmrc', () => { fs.writeFileSync(kit + '/.npmrc', 'node-options=--import=/tmp/x'); return 'written'; });
attempt('spawn', () => require('node:child_process').execFileSync('/bin/sh', ['-c', 'echo started']).toString());
attempt('signalGrader', () => { process.kill(${process.pid}, 0); return 'signalled'; });
attempt('otherProcesses', () => { const pids = fs.readdirSync('/proc').filter((name) => /^\\d+$/.test(name)); return pids.length > 2 ? pids.length + ' processes' : 'blocked'; });
attempt('environment', () => { const keys = Object.keys(process.env).filter((key) => !['NODE_ENV', 'PWD'].includes(key)); return keys.length > 0 ? keys.join(',') : 'blocked'; });
attempt('bigFile', () => { fs.writeFileSync('/tmp/big', Buffer.alloc(64 * 1024 * 1024)); return 'written'; });
const socket = net.connect(${port}, '127.0.0.1');
// V8 may abort when it cannot write where it was told: everything else is reported first.
const done = (result) => {
  out.network = result;
  socket.destroy();
  process.stdout.write(JSON.stringify(out) + '\\n');
  v8.setFlagsFromString('--redirect-code-traces');
  v8.setFlagsFromString('--redirect-code-traces-to=' + kit + '/.seal-probe-v8');
  v8.setFlagsFromString('--trace-turbo');
  v8.setFlagsFromString('--trace-turbo-path=' + kit);
  let sum = 0;
  for (let i = 0; i < 3e6; i++) sum += i % 7;
  process.stdout.write('v8 flags set (' + sum + ')\\n');
};
socket.on('connect', () => done('connected'));
socket.on('error', () => done('blocked'));
setTimeout(() => done('blocked'), 2000).unref();
`;
}

/** Runs the probe sealed at `level`, with `dir` (holding the probe) as the only readable folder of the kit's. */
function runProbe(level: IsolationLevel, support: IsolationSupport, dir: string): Promise<Record<string, string>> {
  const sealed = sealedCommand(level, support, dir, [path.join(dir, 'probe.cjs')]);
  return new Promise((resolve, reject) => {
    const child = spawn(sealed.command, sealed.args, {
      cwd: sealed.cwd,
      ...(sealed.uid === undefined ? {} : { uid: sealed.uid, gid: sealed.gid }),
      stdio: ['ignore', 'pipe', 'pipe', 'ignore', 'ignore', 'pipe'],
      env: {},
    });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', () => {
      sealed.cleanup();
      try {
        resolve(JSON.parse(stdout.split('\n')[0] ?? '') as Record<string, string>);
      } catch {
        reject(new Error(`the probe printed no result: ${stderr.slice(0, 500)}`));
      }
    });
  });
}

let support: IsolationSupport;
let server: http.Server;
let dir: string;

beforeAll(async () => {
  support = await isolationSupport();
  for (const file of written) rmSync(file, { force: true });
  server = http.createServer((_req, res) => res.end('the grader side'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  dir = mkdtempSync(path.join(tmpdir(), 'seal-probe-'));
  // A host of a user of its own must be able to read its files, as the host bundle is.
  chmodSync(dir, 0o755);
  writeFileSync(path.join(dir, 'probe.cjs'), probeSource((server.address() as AddressInfo).port));
});

afterAll(() => {
  server.close();
  rmSync(dir, { recursive: true, force: true });
  for (const file of written) rmSync(file, { force: true });
});

const mustSeal = process.env.CI === 'true';

describe('a probe sealed by bubblewrap, without the permission model', () => {
  it('is available where CI runs', () => {
    if (mustSeal) expect(support.best, support.missing.bwrap).toBe('bwrap');
  });

  it('can read no answer, write nothing, reach no network, start nothing, signal no one', async (context) => {
    if (support.best !== 'bwrap') context.skip(support.missing.bwrap);
    const found = await runProbe('bwrap', support, dir);
    expect(found).toEqual({
      readHiddenCheck: 'blocked',
      readCheckSource: 'blocked',
      readSolution: 'blocked',
      listKit: 'blocked',
      writeKit: 'blocked',
      writeNpmrc: 'blocked',
      spawn: 'blocked',
      signalGrader: 'blocked',
      otherProcesses: 'blocked',
      environment: 'blocked',
      bigFile: 'blocked',
      network: 'blocked',
    });
    for (const file of written) expect(existsSync(file), file).toBe(false);
  });
});

describe('a probe run as a user of its own (root only), without the permission model', () => {
  it('can write nothing of the kit and signal no one', async (context) => {
    if (process.getuid?.() !== 0) context.skip('the uid level needs the grader to run as root');
    const found = await runProbe('uid', support, dir);
    expect(found).toMatchObject({ writeKit: 'blocked', writeNpmrc: 'blocked', signalGrader: 'blocked', environment: 'blocked' });
    for (const file of written) expect(existsSync(file), file).toBe(false);
  });
});

describe("a host's app", () => {
  it('answers only requests that carry its access key, so no other learner can reach it', async () => {
    const sandbox = await Sandbox.start(128);
    try {
      const code = "exports.ping = (req, res) => { req.session.seen = true; res.send('pong'); };";
      const loaded = await sandbox.load(
        { type: 'load', slug: 'probe', routes: [{ method: 'GET', path: '/ping', handler: 'view:ping' }], code, filename: '/probe/view.ts', secret: 'probe' },
        5000,
      );
      if (!loaded.ok) throw new Error(loaded.message);
      const ask = (headers: Record<string, string>): Promise<number> =>
        new Promise((resolve, reject) => {
          // Its end, not its head: express-session sends the head before the store has the session.
          http.get({ host: '127.0.0.1', port: loaded.port, path: '/ping', headers, agent: false }, (answer) => {
            answer.resume();
            answer.on('end', () => resolve(answer.statusCode ?? 0));
          }).on('error', reject);
        });
      expect(await ask({})).toBe(403);
      expect(await ask({ [accessHeader]: 'a guess' })).toBe(403);
      expect(Object.keys(await sandbox.sessions())).toEqual([]);
      expect(await ask({ [accessHeader]: loaded.accessKey })).toBe(200);
      expect(Object.keys(await sandbox.sessions())).toHaveLength(1);
    } finally {
      sandbox.kill();
    }
  });
});

/**
 * The probe as learner code meets it: a view loaded into a real host at each level, Node's
 * permission model and the host's own refusals included. Below bubblewrap the operating system
 * leaves the machine's shared folders writable and the grader within reach, so these are what
 * stand between a view and them.
 */
function hostProbeView(kit: string): string {
  return `
const fs = require('node:fs');
const v8 = require('node:v8');
const os = require('node:os');
const out = {};
const attempt = (name, action) => { try { action(); out[name] = 'done'; } catch { out[name] = 'blocked'; } };
attempt('openGraderInspector', () => process._debugProcess(process.ppid));
attempt('reniceGrader', () => os.setPriority(process.ppid, 19));
attempt('signalGrader', () => process.kill(process.ppid, 0));
attempt('v8Flags', () => v8.setFlagsFromString('--logfile=/tmp/session-kit-seal-probe-log'));
attempt('heapSnapshotNearLimit', () => v8.setHeapSnapshotNearHeapLimit(1));
attempt('heapSnapshot', () => v8.writeHeapSnapshot('/tmp/session-kit-seal-probe.heapsnapshot'));
attempt('traceEvents', () => require('node:trace_events').createTracing({ categories: ['v8'] }).enable());
attempt('reportOnCrash', () => { process.report.directory = '/tmp'; process.report.reportOnFatalError = true; });
attempt('writeReport', () => process.report.writeReport('/tmp/session-kit-seal-probe-report.json'));
attempt('sqlite', () => new (require('node:sqlite').DatabaseSync)('/tmp/session-kit-seal-probe.sqlite').exec('create table t (x)'));
attempt('inspector', () => require('node:inspector').open(0));
attempt('binding', () => process.binding('fs'));
attempt('writeKit', () => fs.writeFileSync(${JSON.stringify(kit)} + '/.seal-probe-write', 'x'));
attempt('writeTmp', () => fs.writeFileSync('/tmp/session-kit-seal-probe-write', 'x'));
exports.ping = (req, res) => res.json(out);
`;
}

/** Files the host probe names, and what V8 and Node would name theirs, in the machine's shared folders. */
function probeLeftovers(): string[] {
  return ['/tmp', '/var/tmp', '/dev/shm', kitRoot].flatMap((folder) => {
    try {
      return readdirSync(folder)
        .filter((name) => /^(session-kit-seal-probe|\.seal-probe|node_trace|perf-\d+\.map|isolate-|report\.|Heap\.)/.test(name))
        .map((name) => path.join(folder, name));
    } catch {
      return [];
    }
  });
}

describe('the probe as a view in a host, at every level', () => {
  it.for(isolationLevels)('at %s: runs nothing in the grader, reaches no file outside its own folder', async (level, context) => {
    const available = await isolationSupport();
    if (isolationLevels.indexOf(level) < isolationLevels.indexOf(available.best)) context.skip(available.missing[level]);
    const leftovers = probeLeftovers();
    const priority = os.getPriority();
    const sandbox = await Sandbox.start(128, level);
    try {
      const loaded = await sandbox.load(
        { type: 'load', slug: 'probe', routes: [{ method: 'GET', path: '/ping', handler: 'view:ping' }], code: hostProbeView(kitRoot), filename: '/probe/view.ts', secret: 'probe' },
        5000,
      );
      if (!loaded.ok) throw new Error(loaded.message);
      const found = await new Promise<Record<string, string>>((resolve, reject) => {
        http.get({ host: '127.0.0.1', port: loaded.port, path: '/ping', headers: { [accessHeader]: loaded.accessKey }, agent: false }, (answer) => {
          let body = '';
          answer.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
          answer.on('end', () => resolve(JSON.parse(body) as Record<string, string>));
        }).on('error', reject);
      });
      expect(Object.entries(found).filter(([, result]) => result !== 'blocked')).toEqual([]);
    } finally {
      sandbox.kill();
      await sandbox.ended();
    }
    expect(os.getPriority()).toBe(priority);
    expect(probeLeftovers().filter((file) => !leftovers.includes(file))).toEqual([]);
  });
});
