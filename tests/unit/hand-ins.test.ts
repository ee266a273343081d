/**
 * Hand-ins as they really arrive, found on folders made here: a zip per learner or inside a
 * learner's folder, near misses (a folder's case or spacing, `view.js`, a flat `<slug>.ts`, a zip
 * inside a zip), and two copies in one hand-in. Each is graded from what the learner meant, or
 * refused with a line that says what to fix; the class's folder is never written to.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { manifest } from '../../grader/engine/course/manifest.js';
import { defaultLimits } from '../../grader/engine/grading/grade.js';
import { readStub } from '../../grader/engine/course/stubs.js';
import { classLearners, findSubmissions, fingerprint, viewFile, type GradingSettings, type Submission } from '../../grader/instructor/class/submissions.js';
import { createZip, type ZipEntry } from '../../grader/instructor/class/zip.js';
import { renderFeedback } from '../../grader/instructor/class/feedback.js';
import { gradeResult } from '../../grader/engine/results.js';
import { handInFolders, write } from '../hand-in-folders.js';

const slugs = manifest.exercises.map((info) => info.slug);
const worked = (slug: string): string => `${readStub(slug)}\n// ${slug}: my work\n`;

let work: string;
let subs: string;
let staging: string;

beforeEach(() => {
  ({ work, subs, staging } = handInFolders('hand-ins-'));
});

/** A copy of the kit at `dir`: every exercise's stub, and work in `started`. */
function kitCopy(dir: string, started: readonly string[]): void {
  for (const slug of slugs) write(path.join(dir, 'exercises', slug, 'view.ts'), started.includes(slug) ? worked(slug) : readStub(slug)!);
}

/** Every file under `dir`, as a zip's entries, below `prefix`. */
function zipOf(dir: string, prefix = ''): Buffer {
  const entries: ZipEntry[] = (readdirSync(dir, { recursive: true, encoding: 'utf8' }))
    .filter((name) => statSync(path.join(dir, name)).isFile())
    .map((name) => ({ name: `${prefix}${name}`, data: readFileSync(path.join(dir, name)), mode: 0o644 }));
  return createZip(entries);
}

/** Every path and size under `dir`: what a test compares to see that nothing was written. */
function snapshot(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort().map((name) => `${name}:${statSync(path.join(dir, name)).size}`);
}

function learner(id: string): Submission {
  const found = findSubmissions(subs, staging).find((submission) => submission.id === id);
  if (!found) throw new Error(`no learner ${id}`);
  return found;
}

describe('zips', () => {
  it('grades a zip per learner (bob.zip is bob) as the same folder, and writes nothing into the class', () => {
    kitCopy(path.join(work, 'bob-folder', 'session-kit-main'), ['favorite-color', 'theme']);
    writeFileSync(path.join(subs, 'bob.zip'), zipOf(path.join(work, 'bob-folder')));
    kitCopy(path.join(subs, 'ada', 'session-kit-main'), ['favorite-color', 'theme']);
    const before = snapshot(subs);
    const [ada, bob] = findSubmissions(subs, staging);
    expect(snapshot(subs)).toEqual(before);
    expect(bob).toMatchObject({ id: 'bob', handIn: 'graded', reason: null });
    expect(path.relative(staging, bob!.exercisesDir)).toMatch(/^bob\/session-kit-main\/exercises$/);
    // Checks do not matter here, only what is read: every exercise, with none.
    const exercises = manifest.exercises.map((info) => ({ info, checks: [], hiddenChecksIncluded: false })) as unknown as GradingSettings['exercises'];
    const settings: GradingSettings = { exercises, limits: defaultLimits, typecheck: false, grader: 'x' };
    expect(fingerprint(bob!, settings)).toBe(fingerprint(ada!, settings));
    kitCopy(path.join(work, 'bob-later', 'session-kit-main'), ['favorite-color']);
    writeFileSync(path.join(subs, 'bob.zip'), zipOf(path.join(work, 'bob-later')));
    expect(fingerprint(learner('bob'), settings)).not.toBe(fingerprint(bob!, settings));
  });

  it('unpacks a zip only when its learner is described, as a shard describes its own learners alone', () => {
    for (const id of ['cal', 'dee', 'eve']) {
      kitCopy(path.join(work, `${id}-folder`), ['favorite-color']);
      writeFileSync(path.join(subs, `${id}.zip`), zipOf(path.join(work, `${id}-folder`)));
    }
    const found = classLearners(subs, staging);
    expect(found.map((learner) => learner.id)).toEqual(['cal', 'dee', 'eve']);
    expect(existsSync(staging) ? readdirSync(staging) : []).toEqual([]);
    expect(found[1]!.describe()).toMatchObject({ id: 'dee', handIn: 'graded' });
    expect(readdirSync(staging)).toEqual(['dee']);
  });

  it('grades a zip inside a learner\'s folder, as Gradescope leaves a zip of a zip', () => {
    const made = path.join(work, 'made');
    kitCopy(path.join(made, 'session-kit-main'), ['logout']);
    write(path.join(subs, 'carol', 'session-kit-main.zip'), '');
    writeFileSync(path.join(subs, 'carol', 'session-kit-main.zip'), zipOf(made));
    const carol = learner('carol');
    expect(carol.handIn).toBe('graded');
    expect(readFileSync(viewFile(carol, 'logout'), 'utf8')).toBe(worked('logout'));
    expect(path.relative(carol.folder, carol.exercisesDir)).toBe('session-kit-main.zip/session-kit-main/exercises');
  });

  it('refuses a zip that leads out with a line naming the fix, and writes nothing outside the staging folder', () => {
    writeFileSync(path.join(subs, 'dave.zip'), createZip([{ name: '../../escaped.ts', data: Buffer.from('x'), mode: 0o644 }]));
    const dave = learner('dave');
    expect(dave).toMatchObject({ handIn: 'zip-refused', reason: 'dave.zip: an entry leads outside the folder (../../escaped.ts): zip the folder again' });
    expect(readdirSync(work).sort()).toEqual(['out', 'subs']);
  });

  it('keeps an entry\'s name as it is in the reason, and the feedback shows what it hides', () => {
    writeFileSync(path.join(subs, 'ida.zip'), createZip([{ name: '../\x1b[2J\u202eclear', data: Buffer.from('x'), mode: 0o644 }]));
    const ida = learner('ida');
    expect(ida.reason).toContain('(../\x1b[2J\u202eclear)');
    const text = renderFeedback('ida', gradeResult(ida.exercisesDir, [], 'bwrap'), ida.reason);
    expect(text.includes('\x1b') || text.includes('\u202e')).toBe(false);
    // Escaped as visible text (`\x1b`), then as Markdown (`\\x1b`, `\[`).
    expect(text).toContain('(../\\\\x1b\\[2J\\\\u202eclear)');
  });

  it('refuses a zip bomb', () => {
    writeFileSync(path.join(subs, 'eve.zip'), createZip([{ name: 'favorite-color/view.ts', data: Buffer.alloc(40 * 1024 * 1024), mode: 0o644 }]));
    expect(learner('eve')).toMatchObject({ handIn: 'zip-refused', reason: expect.stringMatching(/^eve\.zip: favorite-color\/view\.ts would inflate \d+ times over \(a zip bomb\?\)/) });
  });

  it('names a zip inside a zip, which is not unpacked', () => {
    const inner = createZip([{ name: 'favorite-color/view.ts', data: Buffer.from(worked('favorite-color')), mode: 0o644 }]);
    writeFileSync(path.join(subs, 'fay.zip'), createZip([{ name: 'work/inner.zip', data: inner, mode: 0o644 }]));
    expect(learner('fay')).toMatchObject({ handIn: 'no-exercises', reason: expect.stringContaining('did you mean: work/inner.zip: a zip this deep is not unpacked') });
  });

  it('keeps a zip\'s whole name as the id when a folder has its bare name', () => {
    kitCopy(path.join(subs, 'gus'), []);
    writeFileSync(path.join(subs, 'gus.zip'), zipOf(path.join(subs, 'gus')));
    expect(findSubmissions(subs, staging).map((submission) => submission.id)).toEqual(['gus', 'gus.zip']);
  });
});

describe('near misses', () => {
  it('grades a folder named like a slug but for case and spacing under its slug, and says so', () => {
    write(path.join(subs, 'hal', 'Favorite Color', 'view.ts'), worked('favorite-color'));
    const hal = learner('hal');
    expect(hal.handIn).toBe('graded');
    expect(viewFile(hal, 'favorite-color')).toBe(path.join(subs, 'hal', 'Favorite Color', 'view.ts'));
    expect(hal.note).toContain('Favorite Color/ was graded as favorite-color/: name it so');
  });

  it('grades neither of two folders that fold to one slug, and names both', () => {
    write(path.join(subs, 'ida', 'Favorite-Color', 'view.ts'), worked('favorite-color'));
    write(path.join(subs, 'ida', 'favorite_color', 'view.ts'), worked('favorite-color'));
    const ida = learner('ida');
    expect(ida.handIn).toBe('no-exercises');
    expect(ida.reason).toContain('Favorite-Color/: name it favorite-color/');
  });

  it('names a view.js and a flat <slug>.ts, and grades neither', () => {
    write(path.join(subs, 'jan', 'favorite-color', 'view.js'), 'x');
    write(path.join(subs, 'kim', 'theme.ts'), 'x');
    expect(learner('jan')).toMatchObject({ handIn: 'no-exercises', reason: expect.stringMatching(/; did you mean: favorite-color\/view\.js: grading reads favorite-color\/view\.ts \(TypeScript, that name\)\?$/) });
    expect(learner('kim').reason).toMatch(/; did you mean: theme\.ts: put it in theme\/view\.ts\?$/);
  });

  it('names the near misses of a graded hand-in\'s missing exercises in its note', () => {
    write(path.join(subs, 'lou', 'theme', 'view.ts'), worked('theme'));
    write(path.join(subs, 'lou', 'logout', 'View.ts'), 'x');
    expect(learner('lou')).toMatchObject({ handIn: 'graded', note: expect.stringContaining('logout/View.ts: grading reads logout/view.ts') });
  });
});

describe('two copies in one hand-in', () => {
  it('grades the copy with more exercises started, not the first by name, and says which and why', () => {
    kitCopy(path.join(subs, 'max', 'session-kit'), []);
    kitCopy(path.join(subs, 'max', 'session-kit (1)'), ['favorite-color', 'theme', 'logout']);
    const max = learner('max');
    expect(path.relative(max.folder, max.exercisesDir)).toBe('session-kit (1)/exercises');
    expect(max.note).toBe('graded session-kit (1)/: 3 exercises started there, 0 in session-kit/; hand in one copy only');
  });

  it('grades the folder over its own zip when both hold the same work, and says it was a tie', () => {
    kitCopy(path.join(subs, 'ned'), ['theme']);
    writeFileSync(path.join(subs, 'ned', 'copy.zip'), zipOf(path.join(subs, 'ned')));
    const ned = learner('ned');
    expect(ned.folder).toBe(path.join(subs, 'ned'));
    expect(ned.note).toBe('graded the folder itself: 1 exercise started there, 1 in copy.zip/ (a tie: the first found is graded); hand in one copy only');
  });
});
