/**
 * The Nodes the kit runs on differ in how the sandbox host turns on Node's permission model
 * (`--permission` from 22.13 and 23.5, `--experimental-permission` before; Node 24 refuses the old
 * name). Each Node at hand is asked for real: the one running the tests and the official builds
 * `.ci/run` keeps in `.kit-build/node/` (the LTS and each other Node it tests). Each takes the
 * flag the kit picks for it, and that flag keeps a write out; and each grades a solution to full
 * marks and a stub to none. npm 11 (Node 24's) warns of install scripts no `allowScripts` entry
 * approves, and npm 12 skips them.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { GradeResult } from '../../grader/engine/results.js';
import { networkFlags, permissionFlag } from '../../grader/engine/sandbox/permission-flag.js';
import { copyKit } from '../kit-copy.js';
import { kitRoot } from '../run-kit.js';

const cached = path.join(kitRoot, '.kit-build', 'node');

/** The running Node, then each Node `.ci/run` fetched, by version. */
const nodes: [string, string][] = [
  [process.versions.node, process.execPath],
  ...(existsSync(cached) ? readdirSync(cached) : [])
    // A folder still being unpacked (`.unpacking-<major>`) is not a Node yet.
    .filter((version) => /^\d+\.\d+\.\d+$/.test(version) && version !== process.versions.node)
    .map((version): [string, string] => [version, path.join(cached, version, 'bin', 'node')])
    .filter(([, node]) => existsSync(node)),
];

const scratch = mkdtempSync(path.join(tmpdir(), 'node-versions-'));
// Each Node builds the grader for itself: in a copy of the kit, so that the kit's own build, which
// the other test files use at the same time, stays the running Node's.
const kit = copyKit();
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
  rmSync(path.dirname(kit), { recursive: true, force: true });
});

describe.each(nodes)('Node %s', (version, node) => {
  it('says it is that version', () => {
    expect(spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim()).toBe(`v${version}`);
  });

  it('takes the permission flag the kit picks for it, and that flag keeps a write out', () => {
    const target = path.join(scratch, `${version}.txt`);
    const write = `try { require('node:fs').writeFileSync(${JSON.stringify(target)}, 'x'); console.log('written') } catch (error) { console.log(error.code) }`;
    const run = spawnSync(node, [permissionFlag(version), `--allow-fs-read=${path.join(scratch, '*')}`, '-e', write], { encoding: 'utf8' });
    expect(run.stderr).not.toMatch(/bad option/);
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe('ERR_ACCESS_DENIED');
    expect(existsSync(target)).toBe(false);
  });

  it('grades a solution to full marks and a stub to none, sealed', () => {
    const { NO_COLOR: _a, FORCE_COLOR: _b, ...env } = process.env;
    const grade = (target: string): GradeResult => {
      const run = spawnSync(node, [path.join(kit, 'grader', 'kit.mjs'), 'grade', 'visit-counter', '--target', target, '--json', '--no-typecheck'], {
        cwd: kit,
        env: { ...env, INIT_CWD: kit },
        encoding: 'utf8',
        timeout: 120_000,
      });
      expect(run.status, run.stderr).toBe(0);
      return JSON.parse(run.stdout) as GradeResult;
    };
    const solved = grade(path.join(kit, 'solutions'));
    expect(solved.exercises.map((exercise) => exercise.status)).toEqual(['passed']);
    expect(solved.score).toBe(solved.maxScore);
    const stub = grade(path.join(kit, 'exercises'));
    expect(stub.exercises.map((exercise) => exercise.status)).toEqual(['not-started']);
    expect(stub.score).toBe(0);
    expect(stub.isolation).toBe(solved.isolation);
  });
});

describe('the permission flag by version', () => {
  it('is the stable one from 22.13 and 23.5 on, the experimental one before', () => {
    const flags = ['20.19.0', '22.12.0', '22.13.0', '23.4.0', '23.5.0', '24.0.0'].map((version) => permissionFlag(version));
    expect(flags).toEqual(['--experimental-permission', '--experimental-permission', '--permission', '--experimental-permission', '--permission', '--permission']);
  });

  it('comes with --allow-net from Node 25 on, whose model refuses the socket a host serves on without it', () => {
    const flags = ['20.19.0', '24.22.3', '25.0.0', '26.12.1'].map((version) => networkFlags(version));
    expect(flags).toEqual([[], [], ['--allow-net'], ['--allow-net']]);
  });
});

describe('the install', () => {
  it("approves in package.json's allowScripts each package of the lockfile that has an install script", () => {
    const lock = JSON.parse(readFileSync(path.join(kitRoot, 'package-lock.json'), 'utf8')) as { packages: Record<string, { hasInstallScript?: boolean }> };
    const withScripts = Object.entries(lock.packages)
      .filter(([, entry]) => entry.hasInstallScript)
      .map(([name]) => name.slice(name.lastIndexOf('node_modules/') + 'node_modules/'.length));
    expect(withScripts).toContain('esbuild');
    const allowed = (JSON.parse(readFileSync(path.join(kitRoot, 'package.json'), 'utf8')) as { allowScripts?: Record<string, boolean> }).allowScripts ?? {};
    expect(withScripts.filter((name) => allowed[name] !== true)).toEqual([]);
  });
});
