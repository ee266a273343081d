/**
 * What a learner's copy may hold, stated by folder: each exercise of the course as
 * `exercises/<slug>/` hands it out, the course's list, the grader's code but for the instructor's
 * tools (`grader/instructor/`), the documents the copy's README links to, and the root setup
 * files. Nothing from `solutions/`, nothing from `grader/instructor/`, no tests. Any other file (a
 * note, a backup a reset left, a draft, a cache) stays with the instructor until a rule here says a
 * learner needs it. The same rules build a copy and check one (`verify.ts`).
 */
import type { KnownMistake } from '../../engine/check-language/mistake.js';
import { courseListFile } from '../../engine/course/manifest.js';
import { stubPath } from '../../engine/course/stubs.js';
import { classroomWorkflowFile } from './classroom-workflow.js';

/** The kinds of file a copy holds, in the order its summary lists them. */
export const fileKinds = ['lesson', 'stub', 'course data', 'public checks', 'mistake list', 'quiz', 'grader module', 'doc', 'setup'] as const;
export type FileKind = (typeof fileKinds)[number];

/** How a file gets into a copy: taken from the kit as it is, or written for the copy. */
export type Source = 'kit' | 'written';

export interface Placed {
  kind: FileKind;
  source: Source;
}

/** The root files a copy takes from the kit as they are; its README and package files are written for it. */
const rootFiles = ['tsconfig.json', '.gitignore', 'LICENSE'];
const writtenRootFiles = ['README.md', 'package.json', 'package-lock.json'];

/** The folder of the instructor's tools: class grading, bench, release, scaffolding and the kit check. */
export const instructorFolder = 'grader/instructor';

/** The folder of what an instructor keeps of each exercise: solutions, hidden checks, known mistakes, look-alikes, variants. */
export const solutionsFolder = 'solutions';

/** The grader's own code: the only file types under grader/ that a copy takes. */
const graderCode = /\.(?:ts|mjs|cjs|js)$/;

const testFile = /\.(?:test|spec)\.[cm]?[jt]s$/;

/** The files of `exercises/<slug>/` a copy holds, by name, with how each gets there. */
const exerciseFiles: Record<string, Placed> = {
  'README.md': { kind: 'lesson', source: 'kit' },
  // Written from the stub, whatever the instructor's working file holds.
  'view.ts': { kind: 'stub', source: 'written' },
  'exercise.json': { kind: 'course data', source: 'kit' },
  'checks.ts': { kind: 'public checks', source: 'kit' },
  // The public part of the instructor's list (`learnerMistakeList`).
  'mistakes.ts': { kind: 'mistake list', source: 'written' },
  // The instructor's quiz with each answer sealed (`sealedQuizText`).
  'quiz.json': { kind: 'quiz', source: 'written' },
};

/** Whether `relative` lies in `folder` (a path from the root, with `/`). */
function isIn(relative: string, folder: string): boolean {
  return relative.startsWith(`${folder}/`);
}

/**
 * Where the file at `relative` (from the copy's root, with `/`) belongs in a learner's copy of a
 * course with these `slugs`, or null when a copy never holds it. `docs` are the documents the
 * copy's README links to.
 */
export function placeOf(relative: string, slugs: readonly string[], docs: ReadonlySet<string>): Placed | null {
  const parts = relative.split('/');
  const [top, slug = '', name = ''] = parts;
  if (top === 'exercises' && slugs.includes(slug)) {
    // The stub reset puts back is one of the two hidden files a copy holds.
    if (relative === stubPath(slug)) return { kind: 'stub', source: 'kit' };
    if (parts.length === 3 && Object.hasOwn(exerciseFiles, name)) return exerciseFiles[name] ?? null;
    return null;
  }
  // Written from the course, for the copy as an assignment's template repository.
  if (relative === classroomWorkflowFile) return { kind: 'setup', source: 'written' };
  // Hidden files and folders (.git, .kit-state, .kit-build, editor swap files) and installs.
  if (parts.some((part) => part === 'node_modules' || (part.startsWith('.') && part !== '.gitignore'))) return null;
  if (parts.length === 1) {
    if (writtenRootFiles.includes(relative)) return { kind: 'setup', source: 'written' };
    return rootFiles.includes(relative) ? { kind: 'setup', source: 'kit' } : null;
  }
  if (relative === courseListFile) return { kind: 'course data', source: 'kit' };
  if (top === 'docs') return docs.has(relative) ? { kind: 'doc', source: 'kit' } : null;
  if (top !== 'grader' || isIn(relative, instructorFolder) || testFile.test(relative)) return null;
  return graderCode.test(relative) ? { kind: 'grader module', source: 'kit' } : null;
}

/** Why a file is left out when nothing more particular is known of it. */
export const notNamed = 'not a file a learner needs';

/** What each file of `solutions/<slug>/` is, by its name or its folder there. */
const solutionParts: [RegExp, string][] = [
  [/^view\.ts$/, 'a solution'],
  [/^checks\.ts$/, 'hidden checks'],
  [/^mistakes\.ts$/, 'the list of known mistakes'],
  [/^mistakes\//, "a known mistake's code"],
  [/^quiz\.json$/, 'the quiz with its answers'],
  [/^variants\//, 'a correct variant'],
  [/^lookalikes\//, 'a look-alike'],
];

/** What the file at `relative` under `solutions/` is, in a few words. */
export function solutionPart(relative: string): string {
  const within = relative.split('/').slice(2).join('/');
  return solutionParts.find(([pattern]) => pattern.test(within))?.[1] ?? 'a file';
}

/**
 * Why a copy must not hold a file `placeOf` refuses, in a few words for the list of offending
 * files. The instructor's folders come first: a file there stays out whatever it is.
 */
export function whyLeftOut(relative: string): string {
  const parts = relative.split('/');
  if (isIn(relative, solutionsFolder)) return `${solutionPart(relative)} of ${solutionsFolder}/, the instructor's`;
  if (isIn(relative, instructorFolder)) return `the instructor's tools (${instructorFolder}/)`;
  if (/\.bak(?:\.\d+)?$|~$|\.orig$|\.sw[op]$/.test(relative)) return 'a backup';
  if (parts.some((part) => part === '.kit-state' || part === '.kit-build' || part === 'node_modules' || part === '.git')) return 'state, a build, an install or history';
  if (parts[0] === 'tests' || testFile.test(relative)) return "the kit's tests";
  return notNamed;
}

/** Whether a copy leaves `relative` out by design, as the instructor's, rather than as a stray no rule names. */
export function isInstructors(relative: string): boolean {
  return isIn(relative, solutionsFolder) || isIn(relative, instructorFolder);
}

/** The documents a README links to (`](docs/…)`), by path from the root. */
export function linkedDocs(readme: string): Set<string> {
  return new Set([...readme.matchAll(/\]\((docs\/[^)#\s]+)/g)].map((match) => match[1] ?? ''));
}

/** A check's id in quotes (`'theme/letter-case'`): a list of them may name hidden checks. */
const checkIdText = /['"`][a-z0-9-]+\/[a-z0-9-]+['"`]/;

/**
 * What an evidence may call, from what a list declares before itself: its imports, functions and
 * constants, each with the comment above it, but for any statement naming a check's id (a list of
 * them may name hidden ones), which stays with the instructor. Statements start at the line's
 * start, as formatted.
 */
function helpersOf(prelude: string): { text: string; dropped: string[] } {
  const kept: string[] = [];
  const dropped: string[] = [];
  let comment: string[] = [];
  let statement: { lines: string[] } | null = null;
  const close = (): void => {
    const text = statement?.lines.join('\n') ?? '';
    if (statement && !checkIdText.test(text)) kept.push(text.trimEnd());
    else if (statement) dropped.push(...declaredNames(text));
    statement = null;
  };
  for (const line of prelude.split('\n')) {
    if (statement !== null && (/^[\s})\]]/.test(line) || line === '')) {
      statement.lines.push(line);
      continue;
    }
    close();
    if (/^\s*(\/\*\*|\*|\/\/)/.test(line)) comment.push(line);
    else if (line.trim() !== '') {
      statement = { lines: [...comment, line] };
      comment = [];
    }
  }
  close();
  return { text: `${kept.join('\n\n')}\n`, dropped };
}

/** The names a statement declares at its top: `const a`, `function b`, `class C`, `const { d, e }`. */
function declaredNames(statement: string): string[] {
  const code = statement.replace(/^\s*(\/\*\*|\*|\/\/).*$/gm, '');
  const single = /^(?:export\s+)?(?:const|let|var|function\*?|class|async\s+function)\s+([A-Za-z_$][\w$]*)/m.exec(code)?.[1];
  const destructured = /^(?:export\s+)?(?:const|let|var)\s+[{[]([^}\]]*)[}\]]/m.exec(code)?.[1];
  const names = destructured ? destructured.split(',').map((part) => part.split(':').pop()?.trim() ?? '') : [];
  return [single ?? '', ...names].filter((name) => /^[A-Za-z_$][\w$]*$/.test(name));
}

/** A list of known mistakes a learner's copy cannot hold as the kit writes it. */
export class LearnerListError extends Error {}

/**
 * An exercise's list of known mistakes as a learner's copy gets it: only the public checks of
 * each pattern (the copy runs no other, and hidden checks' ids stay with the instructor), and
 * only the mistakes a public check catches. Each evidence stays, as code, with what the kit's list
 * declares before the list (`source`: its imports and helpers), which the evidence may call.
 */
export function learnerMistakeList(mistakes: readonly KnownMistake[], publicIds: ReadonlySet<string>, source = '', listFile = 'the list of known mistakes'): string {
  const entries = mistakes
    .map(({ id, title, hint, fails, evidence }) => ({ id, title, hint, fails: fails.filter((check) => publicIds.has(check)), evidence }))
    .filter((mistake) => mistake.fails.length > 0)
    .map(({ evidence, ...data }) => {
      const fields = JSON.stringify(data, null, 2).slice(0, -2);
      return evidence === undefined ? `${fields}\n}` : `${fields},\n  "evidence": ${evidence.toString()}\n}`;
    });
  const listAt = source.indexOf('export default knownMistakes(');
  // Its place, exercises/<slug>/mistakes.ts, is as deep as the kit's solutions/<slug>/mistakes.ts.
  const helpers = listAt === -1 ? { text: "import { knownMistakes } from '../../grader/engine/check-language/mistake.js';\n", dropped: [] } : helpersOf(source.slice(0, listAt));
  const prelude = helpers.text;
  // A statement naming a check's id stays with the instructor; code the copy keeps must not need it.
  const kept = `${prelude}\n${entries.join('\n')}`;
  const needed = helpers.dropped.find((name) => new RegExp(`(?<![\\w$.])${name.replace(/\$/g, '\\$')}(?![\\w$])`).test(kept));
  if (needed !== undefined) {
    throw new LearnerListError(
      `${listFile}: ${needed} is declared with a check's id, so a learner's copy leaves it out, but the copy keeps code that uses it: write the id where it is used, or keep ${needed} free of ids`,
    );
  }
  return [
    '// The learner\'s copy of this list: the public part of each pattern (written by `npm run release`).',
    `${prelude.trimEnd()}\n`,
    `export default knownMistakes([\n${entries.join(',\n')}\n]);`,
    '',
  ].join('\n');
}
