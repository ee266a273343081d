/**
 * The pieces that keep a stranger's folder from harming a grade: `readView` (links out, FIFOs,
 * devices, sizes), `outputName` (any folder name as a safe, unique file name) and `printable`
 * (learner text in a terminal or a CI log).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { collidingNames, outputName } from '../../grader/instructor/class/output-name.js';
import { printable } from '../../grader/outputs/printable.js';
import { readView, viewSizeLimit } from '../../grader/engine/grading/read-view.js';
import { kitRoot } from '../run-kit.js';

/** A folder being graded, with one exercise folder; returns the path of its view.ts. */
function graded(): { root: string; view: string } {
  const root = mkdtempSync(path.join(tmpdir(), 'read-view-'));
  mkdirSync(path.join(root, 'visit-counter'));
  return { root, view: path.join(root, 'visit-counter', 'view.ts') };
}

const solution = path.join(kitRoot, 'solutions', 'visit-counter', 'view.ts');

describe('readView', () => {
  it('reads a regular file, and follows a link that stays inside the folder', () => {
    const { root, view } = graded();
    writeFileSync(path.join(root, 'mine.ts'), 'export const mine = 1;\n');
    symlinkSync('../mine.ts', view);
    expect(readView(view)).toEqual({ ok: true, source: 'export const mine = 1;\n' });
  });

  it('tells a file that is not there from one the learner made wrong', () => {
    const { root, view } = graded();
    expect(readView(view)).toMatchObject({ ok: false, status: 'missing-file', absent: true, message: expect.stringMatching(/view\.ts is missing$/) });
    symlinkSync(path.join(root, 'nothing.ts'), view);
    expect(readView(view)).toMatchObject({ ok: false, status: 'missing-file', absent: false, message: expect.stringMatching(/is a link to a file that does not exist$/) });
  });

  it('refuses a link out of the folder, absolute or relative, and names the link', () => {
    const { view } = graded();
    symlinkSync(solution, view);
    expect(readView(view)).toMatchObject({ ok: false, status: 'not-a-file', message: expect.stringMatching(/visit-counter\/view\.ts is a link to a file outside your folder: grading reads only your own files$/) });

    const other = graded();
    symlinkSync(path.relative(path.dirname(other.view), solution), other.view);
    expect(readView(other.view)).toMatchObject({ ok: false, status: 'not-a-file' });
  });

  it('refuses an exercise folder that links out, naming the folder', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'read-view-'));
    symlinkSync(path.dirname(solution), path.join(root, 'visit-counter'));
    const read = readView(path.join(root, 'visit-counter', 'view.ts'));
    expect(read).toMatchObject({ ok: false, status: 'not-a-file', message: expect.stringMatching(/visit-counter is a link to a folder outside your folder/) });
  });

  it('refuses a FIFO at once, without opening it', () => {
    const { view } = graded();
    execFileSync('mkfifo', [view]);
    const started = Date.now();
    expect(readView(view)).toMatchObject({ ok: false, status: 'not-a-file', message: expect.stringMatching(/view\.ts is a named pipe \(FIFO\), not a file/) });
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('refuses a link to a device, and a folder in place of the file', () => {
    const { view } = graded();
    symlinkSync('/dev/zero', view);
    expect(readView(view)).toMatchObject({ ok: false, status: 'not-a-file' });
    // The same device, with the whole disk as the folder being graded: still never read.
    expect(readView(view, '/')).toMatchObject({ ok: false, status: 'not-a-file', message: expect.stringMatching(/is a device, not a file/) });

    const folder = graded();
    mkdirSync(folder.view);
    expect(readView(folder.view)).toMatchObject({ ok: false, status: 'not-a-file', message: expect.stringMatching(/is a folder, not a file/) });
  });

  it('refuses a loop of links', () => {
    const { view } = graded();
    symlinkSync('view.ts', view);
    expect(readView(view)).toMatchObject({ ok: false, status: 'not-a-file' });
  });

  it('reads up to 256 KiB and refuses a byte more, saying how large the file is', () => {
    const { view } = graded();
    writeFileSync(view, 'x'.repeat(viewSizeLimit));
    expect(readView(view)).toMatchObject({ ok: true });
    writeFileSync(view, 'x'.repeat(300 * 1024));
    expect(readView(view)).toMatchObject({ ok: false, status: 'too-large', message: expect.stringMatching(/view\.ts is 300 KiB; the limit is 256 KiB/) });
  });
});

describe('outputName', () => {
  it('keeps a plain id as it is', () => {
    for (const id of ['ada', 'bo-2', 'li.lee_3']) expect(outputName(id)).toBe(id);
  });

  it('makes any other id short and safe, with a hash of the whole id', () => {
    const ids = ['li, "lee"', 'new\nline', '\x1b[2J\x1b[Hfake', '::error::forged', 'x'.repeat(240), '../../etc', '.hidden', '-rf', 'CON', 'nul.txt', 'Ada', 'ADA', 'ada', 'a b', 'a_b', 'a/b', 'café', ''];
    const names = ids.map(outputName);
    for (const name of names) {
      expect(name).toMatch(/^[A-Za-z0-9_][A-Za-z0-9._-]*(~[0-9a-f]{16})?$|^~[0-9a-f]{16}$/);
      expect(name.length).toBeLessThanOrEqual(64);
    }
    expect(outputName('x'.repeat(240))).toMatch(/^x{47}~[0-9a-f]{16}$/);
    expect(outputName('new\nline')).toMatch(/^new_line~[0-9a-f]{16}$/);
    // Different ids never meet, not even on a disk that ignores case.
    expect(new Set(names.map((name) => name.toLowerCase())).size).toBe(ids.length);
    expect(ids.map(outputName)).toEqual(names);
  });

  it('cannot be forged: no kept id holds the ~ that changed ones end with', () => {
    const victim = outputName('josé');
    expect(outputName(victim)).not.toBe(victim);
  });

  it('finds the ids of a class whose names would collide', () => {
    expect(collidingNames(['ada', 'bo', 'Ada'])).toEqual(new Set());
    expect(collidingNames(['ada', 'ada'])).toEqual(new Set(['ada']));
  });
});

describe('printable', () => {
  it('shows control characters as escapes, backslashes doubled', () => {
    expect(printable('new\nline\r\ttab')).toBe('new\\nline\\r\\ttab');
    expect(printable('\x1b[2J\x1b[Hfake')).toBe('\\x1b[2J\\x1b[Hfake');
    expect(printable('c1 \x9b2J del \x7f nul \x00')).toBe('c1 \\x9b2J del \\x7f nul \\x00');
    expect(printable('a\\nb')).toBe('a\\\\nb');
    expect(printable('right\u202eto left, line\u2028break')).toBe('right\\u202eto left, line\\u2028break');
    expect(printable('li, "lee" café')).toBe('li, "lee" café');
  });

  it('never lets GitHub Actions read a command', () => {
    expect(printable('::error::forged')).toBe('\\x3a:error::forged');
    expect(printable('  ::warning::x')).toBe('  \\x3a:warning::x');
    expect(printable('a ##[error]b')).toBe('a #\\x23[error]b');
    expect(printable('a::b')).toBe('a::b');
  });
});
