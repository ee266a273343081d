/**
 * The rules of a learner's copy (`grader/instructor/release/contents.ts`), on the kit's own files:
 * every file of `solutions/` and of `grader/instructor/` stays out, said by its folder; each
 * exercise's folder, the course's list and the rest of the grader go in. The mistake list written
 * into `exercises/<slug>/mistakes.ts` imports only files that are there from that place, and names
 * no hidden check.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCourse, publicChecksOf } from '../../grader/engine/course/course.js';
import { LearnerListError, learnerMistakeList, placeOf, whyLeftOut } from '../../grader/instructor/release/contents.js';
import { kitRoot } from '../run-kit.js';

const course = await loadCourse();
const slugs = course.map((exercise) => exercise.info.slug);
const noDocs = new Set<string>();

/** The files under `folder` of the kit, by path from its root with `/`. */
function filesUnder(folder: string): string[] {
  return readdirSync(path.join(kitRoot, folder), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(kitRoot, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
}

/** The relative imports of `source` that do not lead to a file when resolved from `folder` (a `.js` import names its `.ts` source). */
function unresolvedImports(source: string, folder: string): string[] {
  return [...source.matchAll(/from '(\.{1,2}\/[^']+)'/g)]
    .map((match) => match[1] ?? '')
    .filter((specifier) => !existsSync(path.join(kitRoot, folder, specifier.replace(/\.js$/, '.ts'))));
}

describe("a learner's copy's rules", () => {
  it('leave out every file of solutions/ and of grader/instructor/, saying which folder', () => {
    const solutions = filesUnder('solutions');
    const tools = filesUnder('grader/instructor');
    expect(solutions).toContain('solutions/theme/view.ts');
    expect(tools).toContain('grader/instructor/release/contents.ts');
    expect([...solutions, ...tools].filter((file) => placeOf(file, slugs, noDocs) !== null)).toEqual([]);
    expect(solutions.filter((file) => !whyLeftOut(file).endsWith("of solutions/, the instructor's"))).toEqual([]);
    expect(tools.filter((file) => whyLeftOut(file) !== "the instructor's tools (grader/instructor/)")).toEqual([]);
    expect(whyLeftOut('solutions/theme/checks.ts')).toBe("hidden checks of solutions/, the instructor's");
    expect(whyLeftOut('solutions/theme/variants/dark-flag.ts')).toBe("a correct variant of solutions/, the instructor's");
    // A backup in the instructor's folders is the instructor's before it is a backup.
    expect(whyLeftOut('solutions/theme/view.ts.bak')).toBe("a file of solutions/, the instructor's");
  });

  it("take each exercise's folder, the course's list and the grader but its instructor's folder; no tests", () => {
    for (const slug of slugs) {
      const kinds = ['README.md', 'view.ts', '.stub/view.ts', 'exercise.json', 'checks.ts', 'mistakes.ts'].map((name) => placeOf(`exercises/${slug}/${name}`, slugs, noDocs)?.kind);
      expect(kinds).toEqual(['lesson', 'stub', 'stub', 'course data', 'public checks', 'mistake list']);
      expect(placeOf(`exercises/${slug}/view.ts.bak`, slugs, noDocs)).toBeNull();
      expect(placeOf(`exercises/${slug}/.stub/notes.md`, slugs, noDocs)).toBeNull();
    }
    expect(placeOf('exercises/course.json', slugs, noDocs)?.kind).toBe('course data');
    expect(placeOf('exercises/no-such-exercise/README.md', slugs, noDocs)).toBeNull();
    const grader = filesUnder('grader').filter((file) => !file.startsWith('grader/instructor/'));
    expect(grader.filter((file) => placeOf(file, slugs, noDocs)?.kind !== 'grader module')).toEqual([]);
    const tests = filesUnder('tests').filter((file) => file.endsWith('.test.ts'));
    expect(tests.filter((file) => placeOf(file, slugs, noDocs) !== null || whyLeftOut(file) !== "the kit's tests")).toEqual([]);
  });

  it('write each mistake list with imports that resolve from exercises/<slug>/ and no hidden check', () => {
    const fallback = learnerMistakeList([], new Set());
    expect(fallback).toContain("from '../../grader/engine/check-language/mistake.js'");
    expect(unresolvedImports(fallback, 'exercises/theme')).toEqual([]);
    for (const exercise of course) {
      const { slug } = exercise.info;
      const file = path.join(kitRoot, 'solutions', slug, 'mistakes.ts');
      const source = existsSync(file) ? readFileSync(file, 'utf8') : '';
      const list = learnerMistakeList(exercise.mistakes ?? [], new Set(publicChecksOf(exercise).map((check) => check.id)), source);
      expect(unresolvedImports(list, `exercises/${slug}`), slug).toEqual([]);
      const hidden = exercise.checks.filter((check) => check.visibility === 'hidden').map((check) => check.id);
      expect(hidden.filter((id) => list.includes(`'${id}'`) || list.includes(`"${id}"`)), slug).toEqual([]);
    }
  });
});

describe("a learner's list of known mistakes", () => {
  const source = (helper: string): string =>
    [
      "import { knownMistakes } from '../../grader/engine/check-language/mistake.js';",
      '',
      helper,
      '',
      'export default knownMistakes([]);',
      '',
    ].join('\n');
  const mistake = {
    id: 'case-kept',
    title: 'the case is kept',
    hint: 'Lowercase it.',
    fails: ['theme/letter-case'],
    evidence: (seen: { failed: (id: string) => boolean }) => seen.failed(caseCheck),
  };
  // Named as the evidence names it: the evidence is written into the copy as its text.
  const caseCheck = 'theme/letter-case';

  it("refuses a helper declared with a check's id that the code kept in the copy still uses", () => {
    const list = source("const caseCheck = 'theme/letter-case';");
    expect(() => learnerMistakeList([mistake as never], new Set(['theme/letter-case']), list, 'solutions/theme/mistakes.ts')).toThrow(LearnerListError);
    expect(() => learnerMistakeList([mistake as never], new Set(['theme/letter-case']), list, 'solutions/theme/mistakes.ts')).toThrow(
      "solutions/theme/mistakes.ts: caseCheck is declared with a check's id, so a learner's copy leaves it out, but the copy keeps code that uses it: write the id where it is used, or keep caseCheck free of ids",
    );
  });

  it('leaves out such a helper when nothing kept uses it', () => {
    const list = source("const hiddenOne = 'theme/tampered-cookie';\nconst shown = (text: string): boolean => text.length > 0;");
    const written = learnerMistakeList([{ ...mistake, evidence: () => true } as never], new Set(['theme/letter-case']), list);
    expect(written).not.toContain('tampered-cookie');
    expect(written).toContain('const shown = ');
  });
});
