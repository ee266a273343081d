/**
 * Unpacks a zip a learner handed in, for a class run to grade as it grades a folder. The zip is a
 * stranger's: its entries may name paths outside the folder (`../x`, `/etc/x`, `C:\x`), be links,
 * claim one size and inflate to another, or be a bomb that inflates a few KiB into gigabytes. The
 * central directory is read here (the local headers only give each entry's data offset), every
 * name is judged before anything is written, links are never created, and each entry is inflated
 * with `maxOutputLength` set to what is left of the budget, so a lie about a size costs nothing.
 * A refusal is a `ZipRefused` whose message is one line naming what to fix.
 */
import { closeSync, constants, fstatSync, mkdirSync, openSync, readSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { crc32, inflateRawSync } from 'node:zlib';

export class ZipRefused extends Error {}

export interface ZipLimits {
  /** The zip file itself, in bytes. */
  zipBytes: number;
  /** Entries unpacked (folders, files; not those skipped). */
  entries: number;
  /** All files unpacked together, in bytes. */
  unpackedBytes: number;
  /** How many times larger than its compressed data an entry of more than 1 MiB may be. */
  ratio: number;
}

/** A hand-in is a few KiB of views in a copy of the kit: these leave room for a whole copy without its installs. */
export const handInZipLimits: ZipLimits = { zipBytes: 128 * 1024 * 1024, entries: 20_000, unpackedBytes: 64 * 1024 * 1024, ratio: 200 };

/** Folders a copy of the kit holds that are no learner's work: never unpacked, never counted. */
const skippedFolders = new Set(['node_modules', '.git', '.kit-build', '__MACOSX']);

export interface ZipEntry {
  /** The path inside the zip, with `/` separators, judged safe. */
  name: string;
  folder: boolean;
  method: number;
  compressedSize: number;
  size: number;
  crc: number;
  localOffset: number;
}

const mib = (bytes: number): string => `${Math.round(bytes / (1024 * 1024))} MiB`;

/** The entry's path made relative and safe, or why not; null for an entry that is skipped (a link, an install). */
function safeName(raw: string, external: number, madeBy: number): string | null {
  const unixMode = madeBy >> 8 === 3 ? external >>> 16 : 0;
  if ((unixMode & 0o170000) === 0o120000) return null;
  const shown = raw.length > 60 ? `${raw.slice(0, 60)}…` : raw;
  // Zips made on Windows may separate with `\`; read as `/`, a `..\` is caught as a `../`.
  const name = raw.replaceAll('\\', '/');
  if (name.includes('\0')) throw new ZipRefused(`an entry's name holds a NUL character: zip the folder again`);
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) throw new ZipRefused(`an entry has an absolute path (${shown}): zip the folder again, from inside its parent`);
  const parts = name.split('/').filter((part) => part !== '' && part !== '.');
  if (parts.includes('..')) throw new ZipRefused(`an entry leads outside the folder (${shown}): zip the folder again`);
  if (parts.some((part) => skippedFolders.has(part))) return null;
  return parts.join('/');
}

/** The end of central directory record: where the directory is and how many entries it lists. */
function endRecord(data: Buffer): { count: number; offset: number; size: number } {
  const earliest = Math.max(0, data.length - 22 - 0xffff);
  for (let at = data.length - 22; at >= earliest; at -= 1) {
    if (data.readUInt32LE(at) !== 0x06054b50) continue;
    const count = data.readUInt16LE(at + 10);
    const size = data.readUInt32LE(at + 12);
    const offset = data.readUInt32LE(at + 16);
    // Some tools write ZIP64 for a zip of a few KiB (zip -fz, streaming writers): the size is not the fault.
    if (count === 0xffff || offset === 0xffffffff) throw new ZipRefused('it is a ZIP64 archive, which the grader does not read: zip the folder again without ZIP64 (a zip of a few files never needs it)');
    if (offset + size > at) throw new ZipRefused('it is damaged (its directory lies past its end): zip the folder again');
    return { count, offset, size };
  }
  throw new ZipRefused('it is not a zip, or it is cut short: zip the folder again');
}

/** Every entry of the zip's central directory, judged; throws `ZipRefused`. */
export function zipEntries(data: Buffer, limits: ZipLimits = handInZipLimits): ZipEntry[] {
  if (data.length < 22) throw new ZipRefused('it is not a zip, or it is cut short: zip the folder again');
  const end = endRecord(data);
  const entries: ZipEntry[] = [];
  let at = end.offset;
  for (let index = 0; index < end.count; index += 1) {
    if (at + 46 > data.length || data.readUInt32LE(at) !== 0x02014b50) throw new ZipRefused('it is damaged (its directory is cut short): zip the folder again');
    const madeBy = data.readUInt16LE(at + 4);
    const flags = data.readUInt16LE(at + 8);
    const method = data.readUInt16LE(at + 10);
    const crc = data.readUInt32LE(at + 16);
    const compressedSize = data.readUInt32LE(at + 20);
    const size = data.readUInt32LE(at + 24);
    const nameLength = data.readUInt16LE(at + 28);
    const skip = nameLength + data.readUInt16LE(at + 30) + data.readUInt16LE(at + 32);
    const external = data.readUInt32LE(at + 38);
    const localOffset = data.readUInt32LE(at + 42);
    if (at + 46 + skip > data.length) throw new ZipRefused('it is damaged (its directory is cut short): zip the folder again');
    const raw = data.subarray(at + 46, at + 46 + nameLength).toString(flags & 0x800 ? 'utf8' : 'latin1');
    at += 46 + skip;
    const name = safeName(raw, external, madeBy);
    if (name === null || name === '') continue;
    if (flags & 0x1) throw new ZipRefused(`${name} is encrypted: zip the folder again without a password`);
    const folder = raw.endsWith('/') || raw.endsWith('\\');
    if (!folder && method !== 0 && method !== 8) throw new ZipRefused(`${name} is compressed with method ${method}, which the grader does not read: zip the folder again with "deflate" (any zip tool's default)`);
    if (size > 1024 * 1024 && size > compressedSize * limits.ratio) {
      throw new ZipRefused(`${name} would inflate ${Math.round(size / Math.max(1, compressedSize))} times over (a zip bomb?): hand in the exercise folders only`);
    }
    entries.push({ name, folder, method, compressedSize, size, crc, localOffset });
    if (entries.length > limits.entries) throw new ZipRefused(`it holds more than ${limits.entries} files: hand in the exercise folders only (node_modules/ is left out anyway)`);
  }
  return entries;
}

/** One entry's content, inflated within `budget` bytes and checked against its CRC. */
function entryData(data: Buffer, entry: ZipEntry, budget: number): Buffer {
  const at = entry.localOffset;
  if (at + 30 > data.length || data.readUInt32LE(at) !== 0x04034b50) throw new ZipRefused(`${entry.name} is damaged: zip the folder again`);
  const start = at + 30 + data.readUInt16LE(at + 26) + data.readUInt16LE(at + 28);
  if (start + entry.compressedSize > data.length) throw new ZipRefused(`${entry.name} is cut short: zip the folder again`);
  const body = data.subarray(start, start + entry.compressedSize);
  let content: Buffer;
  if (entry.method === 0) content = body;
  else {
    try {
      content = inflateRawSync(body, { maxOutputLength: Math.max(1, Math.min(budget, entry.size) + 1) });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ERR_BUFFER_TOO_LARGE') throw new ZipRefused(`${entry.name} inflates to more than it says (a zip bomb?): hand in the exercise folders only`);
      throw new ZipRefused(`${entry.name} is damaged (${code ?? 'cannot be inflated'}): zip the folder again`);
    }
  }
  // Shorter than it says is damage, not a bomb: a longer one was stopped by maxOutputLength above.
  if (content.length < entry.size) throw new ZipRefused(`${entry.name} is damaged (it is shorter than it says): zip the folder again`);
  if (content.length !== entry.size) throw new ZipRefused(`${entry.name} inflates to more than it says (a zip bomb?): hand in the exercise folders only`);
  if (crc32(content) !== entry.crc) throw new ZipRefused(`${entry.name} is damaged (its checksum does not match): zip the folder again`);
  return content;
}

function readZipFile(zipFile: string, limits: ZipLimits): Buffer {
  // Opened once and judged by what was opened: a FIFO or a device is never read. Opening does not
  // wait for a FIFO's writer (O_NONBLOCK) nor follow a link (O_NOFOLLOW): a zip found to be a file
  // may be something else by the time it is opened, and the grader must not hang on it.
  let fd: number;
  try {
    fd = openSync(zipFile, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOOP') throw new ZipRefused('it is a link, not a file');
    throw error;
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) throw new ZipRefused('it is not a regular file');
    if (stats.size > limits.zipBytes) throw new ZipRefused(`it is ${mib(stats.size)}; the limit is ${mib(limits.zipBytes)}: hand in the exercise folders only`);
    const data = Buffer.alloc(stats.size);
    let read = 0;
    while (read < data.length) {
      const count = readSync(fd, data, read, data.length - read, read);
      if (count === 0) break;
      read += count;
    }
    return data.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

/**
 * Unpacks `zipFile` into `into` (a folder that does not exist yet, created here), or throws
 * `ZipRefused` before writing anything past the entry that is refused. Nothing is written
 * outside `into`; links are not created; two entries of one name are refused.
 */
export function unpackZip(zipFile: string, into: string, limits: ZipLimits = handInZipLimits): void {
  const data = readZipFile(zipFile, limits);
  const entries = zipEntries(data, limits);
  const root = path.resolve(into);
  mkdirSync(root, { recursive: true });
  let left = limits.unpackedBytes;
  for (const entry of entries) {
    const target = path.resolve(root, entry.name);
    if (!target.startsWith(root + path.sep)) throw new ZipRefused(`an entry leads outside the folder (${entry.name}): zip the folder again`);
    if (entry.folder) {
      mkdirSync(target, { recursive: true });
      continue;
    }
    if (entry.size > left) throw new ZipRefused(`it unpacks to more than ${mib(limits.unpackedBytes)}: hand in the exercise folders only`);
    const content = entryData(data, entry, left);
    left -= content.length;
    mkdirSync(path.dirname(target), { recursive: true });
    try {
      writeFileSync(target, content, { flag: 'wx', mode: 0o644 });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new ZipRefused(`it holds ${entry.name} twice: zip the folder again`);
      throw error;
    }
  }
}
