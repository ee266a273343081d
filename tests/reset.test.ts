/**
 * `npm run reset` against a made-up history in a temporary git repository (never the kit's own):
 * which version is the stub, the numbered backups, and the one-line errors that change nothing.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runKit } from './run-kit.js';

const counterStub = (todo: string): string => `export function countVisit(req: unknown, res: any): void {
  // TODO: ${todo}
  res.status(501).send('Not implemented yet');
}
`;
const counterSolved = `export function countVisit(req: any, res: any): void {
  req.session.visits = (req.session.visits ?? 0) + 1;
  res.send(\`You have visited this page \${req.session.visits} times.\`);
}
`;
const colorStub = `export function saveColor(req: unknown, res: any): void {
  res.status(501).send('Not implemented yet');
}
export function showColor(req: unknown, res: any): void {
  res.status(501).send('Not implemented yet');
}
`;
const colorHalfDone = colorStub.replace("res.status(501).send('Not implemented yet');\n}\nexport function showColor", "res.send('Color saved');\n}\nexport function showColor");

/** A learner's repository: the exercises folder below its root, a history of commits. */
function repository(): { root: string; exercises: string; commit(files: Record<string, string>, message: string): void } {
  const root = mkdtempSync(path.join(tmpdir(), 'reset-repo-'));
  const exercises = path.join(root, 'exercises');
  const git = (...args: string[]): void => {
    execFileSync('git', ['-c', 'user.name=Learner', '-c', 'user.email=learner@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: root, stdio: 'ignore' });
  };
  git('init', '-q');
  return {
    root,
    exercises,
    commit(files, message) {
      for (const [file, text] of Object.entries(files)) {
        mkdirSync(path.dirname(path.join(exercises, file)), { recursive: true });
        writeFileSync(path.join(exercises, file), text);
      }
      git('add', '-A');
      git('commit', '-q', '-m', message);
    },
  };
}

const view = (exercises: string, slug: string): string => path.join(exercises, slug, 'view.ts');

describe('npm run reset', () => {
  it('restores the newest stub from git history and keeps numbered backups beside it', () => {
    const repo = repository();
    repo.commit({ 'visit-counter/view.ts': counterStub('first wording'), 'favorite-color/view.ts': colorStub }, 'stubs');
    repo.commit({ 'visit-counter/view.ts': counterStub('clearer wording') }, 'better stub');
    repo.commit({ 'visit-counter/view.ts': counterSolved }, 'my solution');
    const file = view(repo.exercises, 'visit-counter');
    writeFileSync(file, '// my work in progress\n');

    const first = runKit(['reset', 'visit-counter', '--target', repo.exercises]);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/^Restored .*visit-counter\/view\.ts to its stub \(commit [0-9a-f]{7}\)\.\nYour version is kept in .*view\.ts\.bak\.\n$/);
    expect(readFileSync(file, 'utf8')).toBe(counterStub('clearer wording'));
    expect(readFileSync(`${file}.bak`, 'utf8')).toBe('// my work in progress\n');

    writeFileSync(file, '// second attempt\n');
    expect(runKit(['reset', 'visit-counter', '--target', repo.exercises]).stdout).toContain('view.ts.bak.2');
    expect(readFileSync(`${file}.bak`, 'utf8')).toBe('// my work in progress\n');
    expect(readFileSync(`${file}.bak.2`, 'utf8')).toBe('// second attempt\n');

    const again = runKit(['reset', 'visit-counter', '--target', repo.exercises]);
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/is already the stub: nothing to reset\./);
    expect(readdirSync(path.dirname(file)).sort()).toEqual(['view.ts', 'view.ts.bak', 'view.ts.bak.2']);
  });

  it('skips versions where some handler no longer answers "Not implemented yet"', () => {
    const repo = repository();
    repo.commit({ 'favorite-color/view.ts': colorStub }, 'stub');
    repo.commit({ 'favorite-color/view.ts': colorHalfDone }, 'half done');
    expect(runKit(['reset', 'favorite-color', '--target', repo.exercises]).status).toBe(0);
    expect(readFileSync(view(repo.exercises, 'favorite-color'), 'utf8')).toBe(colorStub);
    expect(readFileSync(`${view(repo.exercises, 'favorite-color')}.bak`, 'utf8')).toBe(colorHalfDone);
  });

  it('puts back a deleted view.ts', () => {
    const repo = repository();
    repo.commit({ 'visit-counter/view.ts': counterStub('count') }, 'stub');
    rmSync(path.join(repo.exercises, 'visit-counter'), { recursive: true });
    const run = runKit(['reset', 'visit-counter', '--target', repo.exercises]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('There was no view.ts to keep.');
    expect(readFileSync(view(repo.exercises, 'visit-counter'), 'utf8')).toBe(counterStub('count'));
  });

  it('says in one line why it cannot, and changes nothing', () => {
    const solvedOnly = repository();
    solvedOnly.commit({ 'visit-counter/view.ts': counterSolved }, 'solution only');
    const notARepository = mkdtempSync(path.join(tmpdir(), 'reset-plain-'));
    mkdirSync(path.join(notARepository, 'visit-counter'));
    writeFileSync(view(notARepository, 'visit-counter'), counterSolved);
    const cases: [string, Record<string, string>, RegExp][] = [
      [solvedOnly.exercises, {}, /^error: cannot reset visit-counter: no stub of visit-counter\/view\.ts in git history \(none of its 1 commit\(s\) has all 1 handler\(s\) answering "Not implemented yet"\); nothing was changed$/],
      [notARepository, { GIT_CEILING_DIRECTORIES: tmpdir() }, /^error: cannot reset visit-counter: git could not read the history of .* \(not a git repository.*\); nothing was changed$/],
      [solvedOnly.exercises, { PATH: path.join(notARepository, 'no-programs-here') }, /^error: cannot reset visit-counter: git is not available \(.*ENOENT.*\): the stub is taken from the kit's git history; nothing was changed$/],
    ];
    for (const [exercises, env, message] of cases) {
      const run = runKit(['reset', 'visit-counter', '--target', exercises], env);
      expect(run.status).toBe(1);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr.trim()).toMatch(message);
      expect(readFileSync(view(exercises, 'visit-counter'), 'utf8')).toBe(counterSolved);
      expect(existsSync(`${view(exercises, 'visit-counter')}.bak`)).toBe(false);
    }
  });

  it.each([
    [['reset'], /^error: name the exercise to reset: npm run reset -- <slug>$/],
    [['reset', 'nope'], /^error: no exercise "nope": the exercises are favorite-color, /],
    [['reset', 'theme', '--target', 'no/such/folder'], /^error: no folder .*no\/such\/folder: --target takes the folder that holds the exercise folders$/],
  ])('exits 2 with one line for %j', (args, message) => {
    const run = runKit(args);
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toMatch(message);
    expect(run.stdout).toBe('');
  });
});
