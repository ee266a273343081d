/**
 * The zip reader on zips as learners hand them in, and as an attacker would: a good zip unpacks
 * to the same files; `../`, absolute paths, drive letters and links never reach the disk outside
 * the folder; bombs, floods of entries, lies about sizes and damaged archives are refused with a
 * line that names what to fix, before they cost memory or disk.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import { beforeEach, describe, expect, it } from 'vitest';
import { createZip } from '../../grader/instructor/class/zip.js';
import { handInZipLimits, unpackZip, ZipRefused } from '../../grader/instructor/class/unzip.js';

let work: string;

beforeEach(() => {
  work = mkdtempSync(path.join(tmpdir(), 'zip-reading-'));
});

/** A zip of one entry written by hand, for what `createZip` will not write: any name, any mode, any claimed size. */
function handZip(name: string, data: Buffer, options: { unixMode?: number; claimedSize?: number } = {}): Buffer {
  const nameBytes = Buffer.from(name, 'utf8');
  const body = deflateRawSync(data);
  const size = options.claimedSize ?? data.length;
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(0x0800, 6);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(crc32(data), 14);
  local.writeUInt32LE(body.length, 18);
  local.writeUInt32LE(size, 22);
  local.writeUInt16LE(nameBytes.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE((3 << 8) | 20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(0x0800, 8);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(crc32(data), 16);
  central.writeUInt32LE(body.length, 20);
  central.writeUInt32LE(size, 24);
  central.writeUInt16LE(nameBytes.length, 28);
  central.writeUInt32LE(((options.unixMode ?? 0o100644) << 16) >>> 0, 38);
  central.writeUInt32LE(0, 42);
  const localPart = Buffer.concat([local, nameBytes, body]);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + nameBytes.length, 12);
  end.writeUInt32LE(localPart.length, 16);
  return Buffer.concat([localPart, central, nameBytes, end]);
}

function zipFile(data: Buffer): string {
  const file = path.join(work, 'hand-in.zip');
  writeFileSync(file, data);
  return file;
}

/** Unpacks into `work/into`; the refusal's message, or null when it unpacked. */
function unpack(data: Buffer, limits = handInZipLimits): string | null {
  try {
    unpackZip(zipFile(data), path.join(work, 'into'), limits);
    return null;
  } catch (error) {
    if (error instanceof ZipRefused) return error.message;
    throw error;
  }
}

/** Every path under `work`, so that a test sees whatever was written, wherever. */
function everything(dir = work): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
}

describe('a good zip', () => {
  it('unpacks to the same files, folders made on the way', () => {
    const view = Buffer.from('export const view = 1;\n'.repeat(200));
    expect(unpack(createZip([
      { name: 'session-kit/exercises/favorite-color/view.ts', data: view, mode: 0o644 },
      { name: 'session-kit/README.md', data: Buffer.from('# Kit'), mode: 0o644 },
    ]))).toBeNull();
    expect(readFileSync(path.join(work, 'into/session-kit/exercises/favorite-color/view.ts'))).toEqual(view);
    expect(readFileSync(path.join(work, 'into/session-kit/README.md'), 'utf8')).toBe('# Kit');
  });

  it('leaves out node_modules/ and .git/, which are no one\'s work', () => {
    expect(unpack(createZip([
      { name: 'kit/node_modules/express/index.js', data: Buffer.from('x'), mode: 0o644 },
      { name: 'kit/.git/HEAD', data: Buffer.from('x'), mode: 0o644 },
      { name: 'kit/view.ts', data: Buffer.from('x'), mode: 0o644 },
    ]))).toBeNull();
    expect(everything(path.join(work, 'into'))).toEqual(['kit', 'kit/view.ts']);
  });

  it('reads a Windows zip\'s backslashes as folders', () => {
    expect(unpack(handZip('kit\\favorite-color\\view.ts', Buffer.from('x'), { unixMode: 0 }))).toBeNull();
    expect(existsSync(path.join(work, 'into/kit/favorite-color/view.ts'))).toBe(true);
  });
});

describe('a zip that leads out', () => {
  for (const [what, name] of [
    ['../', '../escaped.ts'],
    ['../ deep inside a name', 'kit/../../escaped.ts'],
    ['..\\', '..\\escaped.ts'],
    ['an absolute path', '/tmp/escaped.ts'],
    ['a drive letter', 'C:/escaped.ts'],
  ] as const) {
    it(`is refused for ${what}, and nothing is written anywhere`, () => {
      const reason = unpack(handZip(name, Buffer.from('pwned')));
      expect(reason).toMatch(/leads outside the folder|absolute path/);
      expect(reason).toMatch(/: zip the folder again/);
      // Every name is judged before anything is written: not even the folder is made.
      expect(everything()).toEqual(['hand-in.zip']);
      expect(existsSync(path.join(path.dirname(work), 'escaped.ts'))).toBe(false);
    });
  }

  it('does not create a link entry', () => {
    expect(unpack(handZip('kit/view.ts', Buffer.from('/etc/passwd'), { unixMode: 0o120777 }))).toBeNull();
    expect(existsSync(path.join(work, 'into/kit/view.ts'))).toBe(false);
    expect(everything(path.join(work, 'into')).every((entry) => !lstatSync(path.join(work, 'into', entry)).isSymbolicLink())).toBe(true);
  });
});

describe('a zip that costs too much', () => {
  it('is refused as a bomb by its ratio, before it is inflated', () => {
    const reason = unpack(handZip('kit/bomb.txt', Buffer.alloc(50 * 1024 * 1024)));
    expect(reason).toMatch(/^kit\/bomb\.txt would inflate \d+ times over \(a zip bomb\?\): hand in the exercise folders only$/);
    expect(existsSync(path.join(work, 'into/kit/bomb.txt'))).toBe(false);
  });

  it('is refused when an entry inflates to more than it claims', () => {
    const reason = unpack(handZip('kit/liar.txt', Buffer.alloc(4 * 1024 * 1024, 'a'), { claimedSize: 100 }));
    expect(reason).toBe('kit/liar.txt inflates to more than it says (a zip bomb?): hand in the exercise folders only');
  });

  it('is refused when it unpacks to more than the limit', () => {
    const files = Array.from({ length: 4 }, (_, index) => ({ name: `kit/${index}.txt`, data: Buffer.alloc(300 * 1024, index), mode: 0o644 }));
    expect(unpack(createZip(files), { ...handInZipLimits, unpackedBytes: 1024 * 1024 })).toBe('it unpacks to more than 1 MiB: hand in the exercise folders only');
  });

  it('is refused for too many entries', () => {
    const files = Array.from({ length: 30 }, (_, index) => ({ name: `kit/${index}.ts`, data: Buffer.from('x'), mode: 0o644 }));
    expect(unpack(createZip(files), { ...handInZipLimits, entries: 20 })).toMatch(/^it holds more than 20 files: /);
  });
});

describe('a damaged zip', () => {
  const good = createZip([{ name: 'kit/view.ts', data: Buffer.from('export const x = 1;\n'.repeat(50)), mode: 0o644 }]);

  it('is refused when cut short', () => {
    expect(unpack(good.subarray(0, good.length - 30))).toMatch(/^it is (not a zip, or it is cut short|damaged \(.*\)): zip the folder again$/);
  });

  it('is refused when it is not a zip at all', () => {
    expect(unpack(Buffer.from('PK but not really a zip file'))).toBe('it is not a zip, or it is cut short: zip the folder again');
  });

  it('is refused as damaged, not as a bomb, when an entry inflates to less than it claims', () => {
    const reason = unpack(handZip('kit/short.txt', Buffer.from('export const x = 1;\n'), { claimedSize: 4000 }));
    expect(reason).toBe('kit/short.txt is damaged (it is shorter than it says): zip the folder again');
  });

  it('is refused as ZIP64 without blaming its size, as a tool may write ZIP64 for a small zip', () => {
    const forced = Buffer.from(good);
    // The end record's directory offset set to 0xffffffff, as zip -fz writes it: "look in the ZIP64 record".
    forced.writeUInt32LE(0xffffffff, forced.length - 22 + 16);
    expect(unpack(forced)).toBe('it is a ZIP64 archive, which the grader does not read: zip the folder again without ZIP64 (a zip of a few files never needs it)');
  });

  it('is refused when its data is corrupt', () => {
    const corrupt = Buffer.from(good);
    // The compressed data starts after the 30-byte local header and the name.
    for (let at = 30 + 'kit/view.ts'.length; at < 30 + 'kit/view.ts'.length + 8; at += 1) corrupt[at] = 0xff - corrupt[at]!;
    expect(unpack(corrupt)).toMatch(/^kit\/view\.ts (is damaged|inflates to more than it says)/);
  });
});

describe('a zip that is not a file when it is opened', () => {
  it('is refused at once when it is a FIFO, without waiting for a writer', () => {
    const fifo = path.join(work, 'hand-in.zip');
    execFileSync('mkfifo', [fifo]);
    // Opening a FIFO to read waits for a writer: this one comes after 3 s, so a reader that waits is seen to.
    const writer = spawn('sh', ['-c', 'sleep 3; exec 3>"$0"', fifo], { stdio: 'ignore', detached: true });
    try {
      const started = Date.now();
      expect(() => unpackZip(fifo, path.join(work, 'into'))).toThrow(new ZipRefused('it is not a regular file'));
      expect(Date.now() - started).toBeLessThan(2000);
    } finally {
      if (writer.pid !== undefined) process.kill(-writer.pid, 'SIGKILL');
    }
  });

  it('is refused as a link, not followed', () => {
    const target = path.join(work, 'real.zip');
    writeFileSync(target, createZip([{ name: 'kit/view.ts', data: Buffer.from('export {};\n'), mode: 0o644 }]));
    symlinkSync(target, path.join(work, 'link.zip'));
    expect(() => unpackZip(path.join(work, 'link.zip'), path.join(work, 'into'))).toThrow(new ZipRefused('it is a link, not a file'));
  });
});
