/**
 * When the app never ran (a compile error, a missing export, a throw or an endless loop at load),
 * every output says it once: the reason, then the fix with its line, and the checks without a
 * hint (none of them could apply). A crash during the checks is not that: the checks that ran keep
 * what they saw.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderFeedback } from '../../grader/instructor/class/feedback.js';
import { toGradescope } from '../../grader/instructor/class/gradescope.js';
import { toJUnit } from '../../grader/instructor/class/junit.js';
import { grade } from '../../grader/engine/grading/grade.js';
import { renderExercise, styleFor } from '../../grader/outputs/report.js';
import { neverRan, type ExerciseResult, type GradeResult } from '../../grader/engine/results.js';
import { fakeCourse, submission } from '../fake-course/course.js';
import { kitRoot, runKit } from '../run-kit.js';

const plain = styleFor(process.stdout, { NO_COLOR: '1' });
const slugs = ['compile-error', 'missing-export', 'throws-at-import', 'loops-at-import', 'exits-in-handler', 'passes'];
const never = ['compile-error', 'missing-export', 'throws-at-import', 'loops-at-import'];

let result: GradeResult;
const bySlug = (slug: string): ExerciseResult => result.exercises.find((exercise) => exercise.slug === slug) as ExerciseResult;

/** The fix each never-ran view gets: what to change, and on which line of which file. */
const fixes: Record<string, RegExp> = {
  'compile-error': /^correct line 5 of \S*compile-error\/view\.ts at column 1, or just before it: `}`$/,
  'missing-export': /^rename `pong` to `ping` on line 3 of \S*missing-export\/view\.ts$/,
  'throws-at-import': /^line 3 of \S*throws-at-import\/view\.ts \(`throw new Error\('broken at import'\);`\) runs as the app loads, outside the handlers: /,
  'loops-at-import': /^the code of \S*loops-at-import\/view\.ts outside the handlers runs once, as the app loads, and never finished: end the loop there/,
};

beforeAll(async () => {
  const { target, exercises, isolation } = {
    target: submission,
    exercises: fakeCourse.filter((exercise) => slugs.includes(exercise.info.slug)),
    isolation: 'bwrap' as const,
  };
  const graded = await grade({ target, exercises, limits: { requestTimeoutMs: 600, exerciseTimeoutMs: 6000, heapMb: 64 }, typecheck: false });
  result = { ...graded, isolation };
});

describe('an app that never ran', () => {
  it('is told apart from one that crashed during its checks', () => {
    expect(never.map((slug) => [slug, neverRan(bySlug(slug))])).toEqual(never.map((slug) => [slug, true]));
    expect(neverRan(bySlug('exits-in-handler'))).toBe(false);
    expect(neverRan(bySlug('passes'))).toBe(false);
  });

  it('gets a fix with its file and line', () => {
    for (const slug of never) expect([slug, bySlug(slug).fix]).toEqual([slug, expect.stringMatching(fixes[slug] as RegExp)]);
    expect(bySlug('exits-in-handler').fix).toBeNull();
    expect(bySlug('passes').fix).toBeNull();
  });

  it('shows one block, the reason then the fix, and its checks without a hint, in the terminal report', () => {
    for (const slug of never) {
      const exercise = bySlug(slug);
      const lines = renderExercise(exercise, plain).split('\n');
      const reason = lines.findIndex((line) => line.startsWith(`  ! ${exercise.message ?? ''}`));
      expect(reason, slug).toBe(1);
      expect(lines[reason + 1]).toBe(`    fix: ${exercise.fix ?? ''}`);
      expect(lines[reason + 2]).toBe(`  none of its ${exercise.checks.length} checks could run:`);
      expect(lines.slice(reason + 3, reason + 3 + exercise.checks.length).map((line) => line.replace(/^ {2}✘ \w+ +\d pt {2}/, ''))).toEqual(
        exercise.checks.map((check) => `${check.title}${check.visibility === 'hidden' ? ' (hidden)' : ''}`),
      );
      expect(lines.join('\n')).not.toContain('hint:');
    }
  });

  it('keeps the details and the hint of a crash during the checks', () => {
    const crashed = bySlug('exits-in-handler');
    expect(crashed.checks[0]).toMatchObject({ message: 'GET /ping got no answer: the app exited with code 3', details: { requests: [], expected: null, actual: null } });
    const text = renderExercise(crashed, plain);
    expect(text).not.toContain('fix:');
    expect(text).toContain(`hint: ${crashed.checks[0]?.hint ?? ''}`);
  });

  it('has the reason and the fix once in the Gradescope output, and no hint in its tests', () => {
    for (const visibility of ['visible', 'after_published'] as const) {
      const gradescope = toGradescope(result, visibility, null);
      for (const slug of never) {
        const exercise = bySlug(slug);
        expect(gradescope.output).toContain(`  ! ${exercise.message ?? ''}`);
        expect(gradescope.output.split('\n').filter((line) => line === `    fix: ${exercise.fix ?? ''}`)).toHaveLength(1);
        const tests = gradescope.tests.filter((test) => test.tags.includes(slug));
        expect(tests.map((test) => test.output)).toEqual(exercise.checks.map(() => `not run: ${exercise.message ?? ''}`));
      }
      // The crash during the checks keeps what its first check saw, and that check's hint.
      const crashed = gradescope.tests.find((test) => test.tags.includes('exits-in-handler'));
      expect(crashed?.output).toBe('GET /ping got no answer: the app exited with code 3\nhint: Send "pong".');
    }
  });

  it('has the reason and the fix in the feedback, and no hint', () => {
    const feedback = renderFeedback('ada', result, null);
    const sections = feedback.split('\n## ').slice(1);
    for (const slug of never) {
      const section = sections.find((text) => text.includes(`(\`${slug}\`)`)) ?? '';
      expect(section).toContain(`\n    fix: ${bySlug(slug).fix ?? ''}\n`);
      expect(section).not.toContain('hint:');
    }
  });

  it('has the fix, and no hint, in each JUnit error', () => {
    const xml = toJUnit('ada', result);
    const suite = xml.split('<testsuite ').find((text) => text.startsWith('name="missing-export"')) ?? '';
    expect(suite.match(/<error /g)).toHaveLength(2);
    expect(suite).toContain('type="missing-export">fix: rename `pong` to `ping` on line 3 of ');
    expect(suite).not.toContain('hint:');
  });
});

describe('a missing export in the kit', () => {
  it('says which function to export from which file', () => {
    const copy = mkdtempSync(path.join(tmpdir(), 'learner-'));
    cpSync(path.join(kitRoot, 'solutions', 'theme'), path.join(copy, 'theme'), { recursive: true });
    const file = path.join(copy, 'theme', 'view.ts');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/export function saveTheme[\s\S]*?\n}\n/, ''));
    const run = runKit(['grade', 'theme', '--target', copy, '--no-typecheck']);
    expect(run.stdout).toContain(
      `  ! view.ts does not export the function \`saveTheme\`\n    fix: export the function \`saveTheme\` from ${file}, as \`export function saveTheme(req: Request, res: Response): void\`\n  none of its `,
    );
    expect(run.stdout).not.toContain('hint:');
  });
});
