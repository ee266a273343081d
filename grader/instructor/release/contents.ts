/**
 * What a learner's copy may hold, as a list of what goes in: each file is named by a rule below,
 * or it stays out. A file added to the kit later (a test, a note, a backup a reset left, a cache)
 * stays with the instructor until a rule here says a learner needs it. The same rules build a
 * copy and check one (`verify.ts`).
 */
import type { KnownMistake } from '../../engine/check-language/mistake.js';
import { stubPath } from '../../engine/course/stubs.js';

/** The kinds of file a copy holds, in the order its summary lists them. */
export const fileKinds = ['lesson', 'stub', 'public checks', 'mistake list', 'grader module', 'doc', 'setup'] as const;
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

/** The grader's own code: the only file types under grader/ that a copy takes. */
const graderCode = /\.(?:ts|mjs|cjs|js)$/;

/**
 * Where the file at `relative` (from the copy's root, with `/`) belongs in a learner's copy of a
 * course with these `slugs`, or null when a copy never holds it. `docs` are the documents the
 * copy's README links to.
 */
export function placeOf(relative: string, slugs: readonly string[], docs: ReadonlySet<string>): Placed | null {
  const parts = relative.split('/');
  // Hidden files and folders (.git, .kit-state, .kit-build, editor swap files) and installs.
  if (parts.some((part) => part === 'node_modules' || (part.startsWith('.') && part !== '.gitignore'))) return null;
  if (parts.length === 1) {
    if (writtenRootFiles.includes(relative)) return { kind: 'setup', source: 'written' };
    return rootFiles.includes(relative) ? { kind: 'setup', source: 'kit' } : null;
  }
  const [top, slug, name, ...deeper] = parts;
  if (top === 'docs') return docs.has(relative) ? { kind: 'doc', source: 'kit' } : null;
  if (top === 'exercises') {
    if (slug === undefined || !slugs.includes(slug) || deeper.length > 0) return null;
    if (name === 'README.md') return { kind: 'lesson', source: 'kit' };
    return name === 'view.ts' ? { kind: 'stub', source: 'written' } : null;
  }
  if (top !== 'grader') return null;
  if (slug === 'stubs') return parts.length === 4 && slugs.includes(name ?? '') && relative === stubPath(name ?? '') ? { kind: 'stub', source: 'kit' } : null;
  if (slug === 'mistakes' || slug === 'variants') return null;
  if (slug === 'checks' && parts.length > 2) {
    if (parts.length !== 4 || !slugs.includes(name ?? '')) return null;
    if (deeper[0] === 'public.ts') return { kind: 'public checks', source: 'kit' };
    // Written for the copy: the public part of each pattern (`learnerMistakeList`).
    return deeper[0] === 'mistakes.ts' ? { kind: 'mistake list', source: 'written' } : null;
  }
  if (/\.(?:test|spec)\.[cm]?[jt]s$/.test(relative)) return null;
  return graderCode.test(relative) ? { kind: 'grader module', source: 'kit' } : null;
}

/** Why a file is left out when nothing more particular is known of it. */
export const notNamed = 'not a file a learner needs';

/** Why a copy must not hold a file `placeOf` refuses, in a few words for the list of offending files. */
export function whyLeftOut(relative: string): string {
  const parts = relative.split('/');
  if (/\.bak(?:\.\d+)?$|~$|\.orig$|\.sw[op]$/.test(relative)) return 'a backup';
  if (parts[0] === 'solutions') return 'a solution';
  if (parts[0] === 'grader' && parts[1] === 'mistakes') return 'a known mistake';
  if (parts[0] === 'grader' && parts[1] === 'variants') return 'a correct variant';
  if (parts[0] === 'grader' && parts[1] === 'checks' && /^hidden\./.test(parts[3] ?? '')) return 'hidden checks';
  if (parts.some((part) => part === '.kit-state' || part === '.kit-build' || part === 'node_modules' || part === '.git')) return 'state, a build, an install or history';
  if (parts[0] === 'tests' || /\.(?:test|spec)\.[cm]?[jt]s$/.test(relative)) return "the kit's tests";
  return notNamed;
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
function helpersOf(prelude: string): string {
  const kept: string[] = [];
  let comment: string[] = [];
  let statement: { lines: string[] } | null = null;
  const close = (): void => {
    if (statement && !checkIdText.test(statement.lines.join('\n'))) kept.push(statement.lines.join('\n').trimEnd());
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
  return `${kept.join('\n\n')}\n`;
}

/**
 * An exercise's list of known mistakes as a learner's copy gets it: only the public checks of
 * each pattern (the copy runs no other, and hidden checks' ids stay with the instructor), and
 * only the mistakes a public check catches. Each evidence stays, as code, with what the kit's list
 * declares before the list (`source`: its imports and helpers), which the evidence may call.
 */
export function learnerMistakeList(mistakes: readonly KnownMistake[], publicIds: ReadonlySet<string>, source = ''): string {
  const entries = mistakes
    .map(({ id, title, hint, fails, evidence }) => ({ id, title, hint, fails: fails.filter((check) => publicIds.has(check)), evidence }))
    .filter((mistake) => mistake.fails.length > 0)
    .map(({ evidence, ...data }) => {
      const fields = JSON.stringify(data, null, 2).slice(0, -2);
      return evidence === undefined ? `${fields}\n}` : `${fields},\n  "evidence": ${evidence.toString()}\n}`;
    });
  const listAt = source.indexOf('export default knownMistakes(');
  const prelude = listAt === -1 ? "import { knownMistakes } from '../../../checking/mistake.js';\n" : helpersOf(source.slice(0, listAt));
  return [
    '// The learner\'s copy of this list: the public part of each pattern (written by `npm run release`).',
    `${prelude.trimEnd()}\n`,
    `export default knownMistakes([\n${entries.join(',\n')}\n]);`,
    '',
  ].join('\n');
}
