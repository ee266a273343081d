/**
 * A hostile class folder, graded in one run beside an honest learner: links into the kit's
 * solutions (the learner's folder, its exercises/, or view.ts itself), a FIFO, a link to /dev/zero,
 * a view over the size limit, a 240-character id, ids that hold a newline, an escape sequence or a
 * GitHub Actions command, a folder name that is not UTF-8, and a learner whose files cannot be
 * written. Ids that look like another's but for a zero-width character or a word joiner, that
 * turn right-to-left, or that a spreadsheet would split into a formula, and work wrapped in a
 * folder whose name holds backticks, HTML and a C1 control. Each gets its verdict (or its hand-in) and no marks from
 * what it links to; the honest learners get full marks; the run ends, writes files under safe names
 * for everyone, prints nothing a terminal or CI would act on, keeps every learner's text in its place
 * in every output, tells look-alike ids apart there, and changes nothing of the kit.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LearnerRecord } from '../../grader/instructor/class/class-outputs.js';
import { outputName } from '../../grader/instructor/class/output-name.js';
import type { GradeResult } from '../../grader/engine/results.js';
import { outFolder, parseCsv } from '../class-fixture.js';
import { kitRoot, runKit } from '../run-kit.js';

/** One exercise keeps the run short; every case is about reading files, not about checks. */
const slug = 'visit-counter';
const solutionFolder = path.join(kitRoot, 'solutions', slug);

const learners = {
  honest: 'ada',
  linkedExercises: 'exercises-linked',
  absoluteLink: 'view-linked',
  fifo: 'fifo',
  devZero: 'dev-zero',
  tooLarge: 'too-large',
  linkedFolder: 'folder-linked',
  longId: 'x'.repeat(240),
  newline: 'new\nGraded 99 learners: all full marks',
  escape: 'esc\x1b[2J\x1b[Hclear',
  actions: '::error::forged',
  unwritable: 'unwritable',
  /** A folder whose name is the byte 0xff, not UTF-8: Node reads it back as U+FFFD. */
  notUtf8: '\ufffd',
  /** Looks like `ada` but for a zero-width space. */
  lookAlike: 'ada\u200b',
  /** Looks like `ada` but for a word joiner, and has nothing in it: the class report lists it. */
  emptyLookAlike: 'ada\u2060',
  rtl: 'rtl\u202eexe.txt',
  /** A formula where a spreadsheet splits cells on `;`. */
  formula: 'x;=1+2',
  wrapped: 'wrapped',
} as const;

const honestIds = [learners.honest, learners.longId, learners.newline, learners.escape, learners.actions, learners.lookAlike, learners.rtl, learners.formula];

/** The folder `wrapped`'s work is in: backticks, HTML, a fake total and a C1 control (CSI). */
const wrapperName = 'w` <img src=x onerror=alert(1)> **Total: 99/1** \x9b`';

/** Characters no output may hold raw: controls (but the line break), bidi overrides and isolates, zero-width ones. */
// eslint-disable-next-line no-control-regex
const unseen = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u00ad\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/u;

function solved(folder: string): void {
  cpSync(solutionFolder, path.join(folder, slug), { recursive: true });
}

function makeHostileClass(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'hostile-class-'));
  const folder = (id: string): string => path.join(root, id);
  for (const id of honestIds) solved(folder(id));
  solved(folder(learners.unwritable));

  mkdirSync(folder(learners.linkedExercises));
  symlinkSync(path.join(kitRoot, 'solutions'), path.join(folder(learners.linkedExercises), 'exercises'));

  mkdirSync(path.join(folder(learners.absoluteLink), slug), { recursive: true });
  symlinkSync(path.join(solutionFolder, 'view.ts'), path.join(folder(learners.absoluteLink), slug, 'view.ts'));

  mkdirSync(path.join(folder(learners.fifo), slug), { recursive: true });
  execFileSync('mkfifo', [path.join(folder(learners.fifo), slug, 'view.ts')]);

  mkdirSync(path.join(folder(learners.devZero), slug), { recursive: true });
  symlinkSync('/dev/zero', path.join(folder(learners.devZero), slug, 'view.ts'));

  // A correct view, padded: only its size can cost it its marks.
  solved(folder(learners.tooLarge));
  const padded = `${readFileSync(path.join(solutionFolder, 'view.ts'), 'utf8')}\n/*${' '.repeat(300 * 1024)}*/\n`;
  writeFileSync(path.join(folder(learners.tooLarge), slug, 'view.ts'), padded);

  symlinkSync(path.join(kitRoot, 'solutions'), folder(learners.linkedFolder));

  mkdirSync(folder(learners.emptyLookAlike));
  mkdirSync(path.join(folder(learners.wrapped), wrapperName), { recursive: true });
  solved(path.join(folder(learners.wrapped), wrapperName));

  const notUtf8 = (below: string): Buffer => Buffer.concat([Buffer.from(`${root}${path.sep}`), Buffer.from([0xff]), Buffer.from(below)]);
  mkdirSync(notUtf8(`${path.sep}${slug}`), { recursive: true });
  writeFileSync(notUtf8(`${path.sep}${slug}${path.sep}view.ts`), readFileSync(path.join(solutionFolder, 'view.ts')));
  return root;
}

/** The kit's files a hostile folder links to, and its package.json: hashed, links not followed. */
function kitFingerprint(): string {
  const hash = createHash('sha256');
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else hash.update(full).update(entry.isFile() ? readFileSync(full) : String(lstatSync(full).mode));
    }
  };
  for (const dir of ['solutions', 'exercises']) walk(path.join(kitRoot, dir));
  hash.update(readFileSync(path.join(kitRoot, 'package.json')));
  return hash.digest('hex');
}

describe('a hostile class folder', () => {
  let out: string;
  let run: ReturnType<typeof runKit>;
  let seconds: number;
  let before: string;

  const result = (id: string): GradeResult => JSON.parse(readFileSync(path.join(out, 'results', `${outputName(id)}.json`), 'utf8')) as GradeResult;
  const record = (id: string): LearnerRecord => JSON.parse(readFileSync(path.join(out, 'records', `${outputName(id)}.json`), 'utf8')) as LearnerRecord;

  beforeAll(() => {
    before = kitFingerprint();
    const submissions = makeHostileClass();
    out = outFolder();
    // A folder where the learner's feedback should go: that learner's files cannot be written.
    mkdirSync(path.join(out, 'feedback', `${outputName(learners.unwritable)}.md`), { recursive: true });
    const started = Date.now();
    run = runKit(['grade', slug, '--submissions', submissions, '--out', out, '--format', 'junit', '--format', 'gradescope']);
    seconds = (Date.now() - started) / 1000;
  }, 150_000);

  it('ends, in bounded time, with every learner accounted for', () => {
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(seconds).toBeLessThan(60);
    const total = Object.keys(learners).length;
    expect(run.stdout).toMatch(new RegExp(`^Graded ${total} learners `, 'm'));
    expect(run.stdout.split('\n').filter((line) => line.startsWith('['))).toHaveLength(total);
    // A link to /dev/zero read without end would have grown the grader by gigabytes.
    const peak = Number(/peak memory (\d+) MiB/.exec(run.stdout)?.[1]);
    expect(peak).toBeLessThan(2048);
  });

  it('prints no control or unseen character and no line that GitHub Actions would run', () => {
    expect(run.stdout).not.toMatch(unseen);
    for (const line of run.stdout.split('\n')) expect(line).not.toMatch(/^\s*::/);
    expect(run.stdout).toMatch(/\] new\\nGraded 99 learners: all full marks: \d+\/\d+ \(100%\)/);
    expect(run.stdout).toContain('esc\\x1b[2J\\x1b[Hclear: ');
    expect(run.stdout).toContain('] \\x3a:error::forged: ');
    expect(run.stdout).toContain('] ada\\u200b: ');
    expect(run.stdout).toContain('] ada\\u2060: ');
    expect(run.stdout).toContain('] rtl\\u202eexe.txt: ');
  });

  it('gives each link, FIFO, device and oversized view its verdict and no marks', () => {
    const verdicts: [string, string, RegExp][] = [
      [learners.absoluteLink, 'not-a-file', /visit-counter\/view\.ts is a link to a file outside your folder: grading reads only your own files$/],
      [learners.fifo, 'not-a-file', /visit-counter\/view\.ts is a named pipe \(FIFO\), not a file/],
      [learners.devZero, 'not-a-file', /visit-counter\/view\.ts is a link to a file outside your folder/],
      [learners.tooLarge, 'too-large', /visit-counter\/view\.ts is 30\d KiB; the limit is 256 KiB/],
      [learners.linkedExercises, 'not-a-file', /^exercises\/ is a link to a folder outside the learner's folder/],
      [learners.linkedFolder, 'not-a-file', /^the folder is a link out of the submissions folder/],
    ];
    for (const [id, status, message] of verdicts) {
      const graded = result(id);
      expect([id, graded.score]).toEqual([id, 0]);
      expect(graded.maxScore).toBeGreaterThan(0);
      expect(graded.exercises[0]?.status).toBe(status);
      expect(graded.exercises[0]?.message).toMatch(message);
      expect(graded.exercises[0]?.checks.every((check) => !check.passed)).toBe(true);
    }
    expect(record(learners.notUtf8)).toMatchObject({ handIn: 'unreadable', reason: "the folder's name is not valid UTF-8: rename the folder to grade it" });
    expect(result(learners.notUtf8).score).toBe(0);
    expect(record(learners.linkedExercises).handIn).toBe('link-outside');
    expect(record(learners.linkedFolder).handIn).toBe('link-outside');
    expect(record(learners.fifo).handIn).toBe('graded');
    const feedback = readFileSync(path.join(out, 'feedback', `${outputName(learners.fifo)}.md`), 'utf8');
    expect(feedback).toContain('! visit-counter/view.ts is a named pipe (FIFO), not a file');
  });

  it('gives the honest learners full marks, whatever their ids', () => {
    for (const id of honestIds) {
      const graded = result(id);
      expect([JSON.stringify(id), graded.score]).toEqual([JSON.stringify(id), graded.maxScore]);
      expect(record(id)).toMatchObject({ learner: id, handIn: 'graded' });
    }
  });

  it('writes every learner under a short, safe name, and keeps the real id in the record', () => {
    const writable = Object.values(learners).filter((id) => id !== learners.unwritable);
    const names = readdirSync(path.join(out, 'results')).sort();
    expect(names).toEqual(writable.map((id) => `${outputName(id)}.json`).sort());
    for (const dir of ['results', 'records']) {
      for (const name of readdirSync(path.join(out, dir))) expect(name).toMatch(/^[A-Za-z0-9_][A-Za-z0-9._~-]{0,63}\.json$/);
    }
    for (const id of writable) {
      expect(existsSync(path.join(out, 'feedback', `${outputName(id)}.md`))).toBe(true);
      expect(record(id).learner).toBe(id);
    }
    expect(readFileSync(path.join(out, 'records', `${outputName(learners.escape)}.json`), 'utf8')).toContain('"learner": "esc\\u001b[2J\\u001b[Hclear"');
    const feedback = readFileSync(path.join(out, 'feedback', `${outputName(learners.newline)}.md`), 'utf8');
    // Markdown text: the backslash of the escape is itself escaped, so the heading reads `new\nGraded…`.
    expect(feedback.split('\n')[0]).toBe('# Feedback for new\\\\nGraded 99 learners: all full marks');
  });

  it('records a learner whose files cannot be written as a grader error, and goes on', () => {
    expect(existsSync(path.join(out, 'results', `${outputName(learners.unwritable)}.json`))).toBe(false);
    expect(existsSync(path.join(out, 'records', `${outputName(learners.unwritable)}.json`))).toBe(false);
    const [header, ...rows] = parseCsv(readFileSync(path.join(out, 'gradebook.csv'), 'utf8'));
    expect(header).toEqual(['id', 'total', 'maximum', slug, 'hand-in', `${slug} status`, 'quiz total', 'quiz maximum', `${slug} quiz`]);
    const handInColumn = header?.indexOf('hand-in') ?? -1;
    expect(rows).toHaveLength(Object.keys(learners).length);
    const row = (id: string): string[] | undefined => rows.find((candidate) => candidate[0] === id);
    expect(row(learners.unwritable)?.[handInColumn]).toBe('grader-error');
    expect(row(learners.unwritable)?.[1]).toBe('0');
    expect(row(learners.honest)?.[handInColumn]).toBe('graded');
    // Ids in the gradebook are escaped as on the terminal.
    expect(row('new\\nGraded 99 learners: all full marks')?.[handInColumn]).toBe('graded');
    expect(row('\\x3a:error::forged')?.[handInColumn]).toBe('graded');
    const report = readFileSync(path.join(out, 'report.html'), 'utf8');
    expect(report).toMatch(/<td>unwritable<\/td><td>grader-error<\/td><td>the grader could not write this learner&#39;s files: /);
    expect(report).toContain('<td>folder-linked</td><td>link-outside</td>');
  });

  it('keeps every learner text in its place in every output, look-alike ids told apart', () => {
    const read = (...parts: string[]): string => readFileSync(path.join(out, ...parts), 'utf8');
    const writable = Object.values(learners).filter((id) => id !== learners.unwritable);
    const files = writable.flatMap((id) => [
      read('feedback', `${outputName(id)}.md`),
      read('junit', `${outputName(id)}.xml`),
      read('gradescope', outputName(id), 'results.json'),
    ]);
    // The gradebook's rows end in CRLF, as RFC 4180 has them.
    for (const text of [...files, read('gradebook.csv').replace(/\r\n/g, '\n'), read('report.html')]) expect(text).not.toMatch(unseen);

    // Feedback: the id is Markdown text, the wrapper folder a code span nothing in its name can close.
    expect(read('feedback', `${outputName(learners.lookAlike)}.md`).split('\n')[0]).toBe('# Feedback for ada\\\\u200b');
    expect(read('feedback', `${outputName(learners.honest)}.md`).split('\n')[0]).toBe('# Feedback for ada');
    expect(read('feedback', `${outputName(learners.rtl)}.md`).split('\n')[0]).toBe('# Feedback for rtl\\\\u202eexe.txt');
    expect(read('feedback', `${outputName(learners.wrapped)}.md`)).toContain(
      'Your exercises were found in ``w` <img src=x onerror=alert(1)> **Total: 99/1** \\x9b`/`` inside the folder you handed in.',
    );
    expect(result(learners.wrapped).score).toBe(result(learners.wrapped).maxScore);

    // The gradebook: a row of its own for each look-alike, and no formula in any locale.
    const csv = read('gradebook.csv');
    expect(csv).toContain(`\r\n"x;'=1+2",`);
    const ids = parseCsv(csv).map((row) => row[0]);
    for (const id of ['ada', 'ada\\u200b', 'ada\\u2060', 'rtl\\u202eexe.txt', "x;'=1+2"]) expect(ids.filter((candidate) => candidate === id)).toHaveLength(1);

    // JUnit: the id in the suites' name, escaped visibly, in files the schema accepts.
    if (spawnSync('xmllint', ['--version']).status === 0) {
      const schema = path.join(kitRoot, 'tests', 'formats', 'junit-10.xsd');
      const junit = writable.map((id) => path.join(out, 'junit', `${outputName(id)}.xml`));
      const lint = spawnSync('xmllint', ['--noout', '--schema', schema, ...junit], { encoding: 'utf8' });
      expect(lint.stderr.split('\n').filter((line) => line !== '' && !line.endsWith(' validates'))).toEqual([]);
    }
    expect(read('junit', `${outputName(learners.lookAlike)}.xml`)).toContain('<testsuites name="session-kit: ada\\u200b" ');
    expect(read('junit', `${outputName(learners.honest)}.xml`)).toContain('<testsuites name="session-kit: ada" ');

    // The class report lists who was not graded, look-alikes told apart.
    expect(read('report.html')).toContain('<td>ada\\u2060</td><td>empty</td>');
  });

  it('changes nothing of the kit', () => {
    expect(kitFingerprint()).toBe(before);
  });
});
