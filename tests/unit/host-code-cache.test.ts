/**
 * The build makes V8's code cache of the sandbox host's bundle; a host run with the flags of
 * `hostV8Flags` must find it acceptable, or every host starts slower without a word.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hostDir } from '../../grader/engine/paths.js';
import { defaultHeapMb, hostV8Flags } from '../../grader/engine/sandbox/host-flags.js';

const sandboxDir = hostDir();

/** Whether V8, started with `flags`, takes the cache for the bundle (`changed`: with a line added to it). */
function cacheAccepted(flags: string[], changed = false): boolean {
  const probe = [
    "const { readFileSync } = require('node:fs');",
    "const { Script } = require('node:vm');",
    "const Module = require('node:module');",
    `const dir = ${JSON.stringify(sandboxDir)};`,
    `const source = readFileSync(dir + '/host.cjs', 'utf8')${changed ? " + '\\nvoid 0;'" : ''};`,
    "const script = new Script(Module.wrap(source), { filename: dir + '/host.cjs', cachedData: readFileSync(dir + '/host.code-cache') });",
    'process.stdout.write(String(!script.cachedDataRejected));',
  ].join('\n');
  const run = spawnSync(process.execPath, [...flags, '-e', probe], { encoding: 'utf8' });
  expect(run.status).toBe(0);
  return run.stdout === 'true';
}

describe("the sandbox host's code cache", () => {
  it('is made by the build', () => {
    expect(existsSync(path.join(sandboxDir, 'host.code-cache'))).toBe(true);
  });

  it('is taken by a host with the default heap, and refused for a bundle it was not made from', () => {
    expect(cacheAccepted(hostV8Flags(defaultHeapMb))).toBe(true);
    // The probe can say no: V8 checks the source against the cache. (Whether another heap size
    // invalidates the cache depends on the Node version: Node 20 refuses it, Node 24 takes it.)
    expect(cacheAccepted(hostV8Flags(defaultHeapMb), true)).toBe(false);
  });
});
