/**
 * `npm run watch` sees every save, however it is made: in place, by a temporary file renamed over
 * the view (`sed -i`, Emacs, JetBrains), deleted and created again, by `npm run reset`, with the
 * exercise's whole folder replaced, and with no event at all. Each kind of save is made twice and
 * then once in place, since a watch gone stale sees the first replacement of a file and then
 * nothing more.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, linkSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadCourse } from '../../grader/engine/course/course.js';
import { copyOfExercises, LiveKit, progressFileForTest } from '../live-kit.js';
import { kitRoot, runKit } from '../run-kit.js';

const slug = 'visit-counter';
const max = (await loadCourse([slug]))[0]?.checks.reduce((sum, check) => sum + check.points, 0);
const solution = readFileSync(path.join(kitRoot, 'solutions', slug, 'view.ts'), 'utf8');
const stub = readFileSync(path.join(kitRoot, 'exercises', slug, '.stub', 'view.ts'), 'utf8');
/** The status line that ends every report when the output is not a terminal. */
const reportEnd = /^watching .* · graded (in )?\d+ ms.*$/gm;
const passed = `${slug} · Visit counter  ${max}/${max}  passed`;
const notStarted = `${slug} · Visit counter  0/${max}  not started`;

const running: LiveKit[] = [];
afterEach(() => {
  for (const kit of running.splice(0)) kit.kill();
});

/** `npm run watch` of the exercise on a fresh copy of the exercises, once its first report is out. */
async function watching(): Promise<{ kit: LiveKit; exercises: string; progress: string }> {
  const exercises = copyOfExercises();
  const progress = progressFileForTest();
  const kit = new LiveKit(['watch', slug, '--target', exercises, '--no-typecheck'], { KIT_PROGRESS_FILE: progress });
  running.push(kit);
  await kit.waitFor(() => kit.count(reportEnd) === 1, 30_000, 'the first report');
  expect(lastReport(kit)).toContain(notStarted);
  return { kit, exercises, progress };
}

function lastReport(kit: LiveKit): string {
  return kit.stdout.slice(kit.stdout.lastIndexOf(`${slug} · `));
}

/**
 * Makes a save, then waits for the one report it brings, which must show `verdict`: a report of
 * the older text, or none, fails the test (on a loaded machine, after a generous deadline).
 */
async function saveAndSee(kit: LiveKit, save: () => void, verdict: string, what: string): Promise<void> {
  const before = kit.count(reportEnd);
  save();
  await kit.waitFor(() => kit.count(reportEnd) > before && lastReport(kit).includes(verdict), 20_000, `the report of ${what}`);
}

/** After the saves, one more in place: its report must come next, so no save was graded twice. */
async function gradedOncePerSave(kit: LiveKit, file: string, saves: number): Promise<void> {
  await saveAndSee(kit, () => writeFileSync(file, `${solution}// one more save\n`), passed, 'a last save in place');
  expect(kit.count(reportEnd)).toBe(saves + 2);
}

// Each step may take its whole deadline on a loaded machine: a test waits for several.
describe('npm run watch sees each kind of save', { timeout: 180_000 }, () => {
  it('a save in place', async () => {
    const { kit, exercises } = await watching();
    const file = path.join(exercises, slug, 'view.ts');
    await saveAndSee(kit, () => writeFileSync(file, solution), passed, 'a save in place');
    await saveAndSee(kit, () => writeFileSync(file, stub), notStarted, 'a second save in place');
    await gradedOncePerSave(kit, file, 2);
  });

  it('a save by `sed -i`, which writes a file of its own and renames it over the view', async () => {
    const { kit, exercises } = await watching();
    const file = path.join(exercises, slug, 'view.ts');
    await saveAndSee(kit, () => execFileSync('sed', ['-i', 's/Not implemented yet/Not yet/', file]), `${slug} · Visit counter  0/${max}  failed`, 'a save by sed -i');
    await saveAndSee(kit, () => execFileSync('sed', ['-i', 's/Not yet/Not implemented yet/', file]), notStarted, 'a second save by sed -i');
    await gradedOncePerSave(kit, file, 2);
  });

  it("a safe write (JetBrains', Emacs'): the new text in a temporary file, the old one moved aside, the new one renamed in", async () => {
    const { kit, exercises } = await watching();
    const file = path.join(exercises, slug, 'view.ts');
    const safeWrite = (text: string): void => {
      writeFileSync(`${file}___jb_tmp___`, text);
      renameSync(file, `${file}___jb_old___`);
      renameSync(`${file}___jb_tmp___`, file);
      rmSync(`${file}___jb_old___`);
      // Emacs' backup of the text before.
      writeFileSync(`${file}~`, 'the text before');
    };
    await saveAndSee(kit, () => safeWrite(solution), passed, 'a safe write');
    await saveAndSee(kit, () => safeWrite(stub), notStarted, 'a second safe write');
    // Editors' own files beside the view are no saves of it: vim's swap file and its probe, a README.
    writeFileSync(path.join(exercises, slug, '.view.ts.swp'), 'not code');
    writeFileSync(path.join(exercises, slug, '4913'), '');
    rmSync(path.join(exercises, slug, '4913'));
    writeFileSync(path.join(exercises, slug, 'README.md'), '# notes');
    // Time for a wrong grading to start (the watch's net looks once a second), were one to: the
    // save below would otherwise hide it, its events coming within the same moment.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    await gradedOncePerSave(kit, file, 2);
  });

  it('a delete, then the file created again', async () => {
    const { kit, exercises } = await watching();
    const file = path.join(exercises, slug, 'view.ts');
    const recreate = (text: string): void => {
      rmSync(file);
      writeFileSync(file, text);
    };
    await saveAndSee(kit, () => recreate(solution), passed, 'a file deleted and created again');
    await saveAndSee(kit, () => recreate(stub), notStarted, 'a second file deleted and created again');
    await gradedOncePerSave(kit, file, 2);
  });

  it('npm run reset of the exercise', async () => {
    const { kit, exercises, progress } = await watching();
    const file = path.join(exercises, slug, 'view.ts');
    await saveAndSee(kit, () => writeFileSync(file, solution), passed, 'a save in place');
    await saveAndSee(
      kit,
      () => expect(runKit(['reset', slug, '--target', exercises], { KIT_PROGRESS_FILE: progress }).status).toBe(0),
      notStarted,
      'npm run reset',
    );
    await gradedOncePerSave(kit, file, 2);
  });

  it('a save that no event tells of: written through a hard link from outside the exercises folder', async () => {
    const { kit, exercises } = await watching();
    const file = path.join(exercises, slug, 'view.ts');
    // A folder's watch hears of writes made through its own entries only: this one is seen by the look once a second.
    const link = path.join(mkdtempSync(path.join(tmpdir(), 'learner-link-')), 'view.ts');
    linkSync(file, link);
    await saveAndSee(kit, () => writeFileSync(link, solution), passed, 'a save through a hard link');
    await saveAndSee(kit, () => writeFileSync(link, stub), notStarted, 'a second save through a hard link');
    await gradedOncePerSave(kit, file, 2);
  });

  it('the whole exercise folder replaced: made again, copied back, or another moved into its place', async () => {
    const { kit, exercises } = await watching();
    const folder = path.join(exercises, slug);
    const file = path.join(folder, 'view.ts');
    // A copy of the exercise folder, with this view, made outside the exercises folder.
    const replacement = (text: string): string => {
      const made = path.join(mkdtempSync(path.join(tmpdir(), 'learner-folder-')), slug);
      cpSync(folder, made, { recursive: true });
      writeFileSync(path.join(made, 'view.ts'), text);
      return made;
    };
    const copyBack = replacement(solution);
    const moved = path.join(exercises, `${slug}.new`);
    cpSync(replacement(stub), moved, { recursive: true });
    const remade = (text: string): void => {
      rmSync(folder, { recursive: true });
      mkdirSync(folder);
      writeFileSync(file, text);
    };
    await saveAndSee(kit, () => remade(solution), passed, 'the folder deleted and made again');
    await saveAndSee(kit, () => remade(stub), notStarted, 'the folder deleted and made again, twice');
    await saveAndSee(
      kit,
      () => {
        rmSync(folder, { recursive: true });
        cpSync(copyBack, folder, { recursive: true });
      },
      passed,
      'the folder deleted and copied back',
    );
    await saveAndSee(
      kit,
      () => {
        rmSync(folder, { recursive: true });
        renameSync(moved, folder);
      },
      notStarted,
      'another folder moved into its place',
    );
    await gradedOncePerSave(kit, file, 4);
  });
});
