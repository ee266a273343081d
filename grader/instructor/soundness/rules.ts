/**
 * The kit check's rules on what authors write by hand beside the checks: each lesson's "What is
 * graded" list, the routes and handler names that lessons and hints mention, and why a view that
 * should get full marks did not (no document counts the course by hand, so no rule compares
 * counts). Each rule is a function of texts and the course, so that tests can feed it a broken
 * kit; each problem is one line that says what to write.
 */
import type { Check } from '../../engine/check-language/check.js';
import type { ExerciseInfo, RouteInfo } from '../../engine/course/manifest.js';
import type { ExerciseResult } from '../../engine/results.js';

/** The heading of a lesson's last section, the list of its checks. */
export const gradedHeading = '## What is graded';

/** What marks a hidden check in a lesson's list, as the report marks it. */
export const hiddenMark = ' (hidden)';

/** A check as a lesson's "What is graded" list names it. */
export type ListedCheck = Pick<Check, 'title' | 'visibility'>;

/** The line of a lesson's "What is graded" list that names `check`. */
export function gradedLine(check: ListedCheck): string {
  return `- ${check.title}${check.visibility === 'hidden' ? hiddenMark : ''}`;
}

/**
 * A "What is graded" section for these checks, as `npm run new-exercise` writes it: the list is
 * what the kit check compares with the checks; the sentences around it are the author's.
 */
export function gradedSection(slug: string, checks: readonly ListedCheck[]): string {
  return [
    gradedHeading,
    '',
    `\`npm run grade -- ${slug}\` runs these checks, in this order. A hidden check shows only its`,
    "title, whether it passed, and a hint (in a learner's copy, your instructor runs the hidden ones).",
    '',
    ...checks.map(gradedLine),
    '',
  ].join('\n');
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The lines of `text`, those of fenced code blocks blanked: a heading or a list in an example is not the lesson's. */
function proseLines(text: string): string[] {
  let fenced = false;
  return text.split('\n').map((line) => {
    if (line.startsWith('```')) {
      fenced = !fenced;
      return '';
    }
    return fenced ? '' : line;
  });
}

interface GradedSection {
  /** The checks the section's first list names, in its order. */
  listed: ListedCheck[];
  /** The `## ` heading after the section, when it is not the lesson's last. */
  followedBy: string | null;
}

/**
 * The "What is graded" section of a lesson, or null when it has none. Only the section's first
 * list counts (one `- ` item per check, wrapped lines allowed), so that the author may write a
 * sentence before it and notes after it, a list of what is not graded included.
 */
export function readGradedSection(text: string): GradedSection | null {
  const lines = proseLines(text);
  const start = lines.findIndex((line) => line.trimEnd() === gradedHeading);
  if (start === -1) return null;
  const next = lines.findIndex((line, index) => index > start && line.startsWith('## '));
  const body = lines.slice(start + 1, next === -1 ? undefined : next);
  const items: string[] = [];
  for (const line of body) {
    if (/^[-*] /.test(line)) items.push(line.slice(2));
    else if (items.length > 0 && /^\s+\S/.test(line)) items[items.length - 1] += ` ${line}`;
    else if (items.length > 0 && line.trim() !== '') break;
  }
  const listed = items.map((item): ListedCheck => {
    const title = collapse(item);
    const hidden = /^(.+?)\s*\(hidden\)$/.exec(title)?.[1];
    return hidden === undefined ? { title, visibility: 'public' } : { title: hidden, visibility: 'hidden' };
  });
  return { listed, followedBy: next === -1 ? null : (lines[next] ?? null) };
}

/**
 * What is wrong with a lesson's "What is graded" section: it is the last section, and its list
 * names exactly the exercise's checks, in the order they run (public.ts, then hidden.ts), the
 * hidden ones marked " (hidden)". Each problem says which line to add, remove or change.
 */
export function gradedSectionProblems(slug: string, checks: readonly ListedCheck[], text: string): string[] {
  const name = `exercises/${slug}/README.md`;
  const section = readGradedSection(text);
  if (section === null) {
    return [`${name} lacks ${gradedHeading}: end the lesson with it, listing its ${checks.length} checks in the order they run, one "- <title>" line each, hidden ones followed by "${hiddenMark.trim()}"`];
  }
  const problems: string[] = [];
  if (section.followedBy !== null) problems.push(`${name}: ${gradedHeading} must be the lesson's last section, but ${section.followedBy} follows it`);
  const where = `${name}: 'What is graded'`;
  const titles = checks.map((check) => collapse(check.title));
  const listedTitles = section.listed.map((entry) => entry.title);
  // A listed line that is no check's title, standing where a missing check belongs, is that
  // check under an older title: one problem that says what to write, not two.
  const at = new Map<string, number>();
  const renamed = new Set<number>();
  titles.forEach((title, index) => {
    const check = checks[index] as ListedCheck;
    const found = listedTitles.indexOf(title);
    if (found !== -1) {
      at.set(title, found);
      return;
    }
    const previous = titles[index - 1];
    const after = previous === undefined ? -1 : at.get(previous);
    const slot = after === undefined ? undefined : after + 1;
    const old = slot === undefined ? undefined : section.listed[slot];
    if (slot !== undefined && old !== undefined && !titles.includes(old.title) && !renamed.has(slot)) {
      renamed.add(slot);
      at.set(title, slot);
      problems.push(`${where} lists '${old.title}', not the check's title '${title}': write "${gradedLine({ ...check, title })}"`);
      return;
    }
    const place = previous === undefined ? 'at the top of its list' : `after '${previous}'`;
    problems.push(`${where} lacks the check '${title}': add "${gradedLine({ ...check, title })}" ${place}`);
  });
  section.listed.forEach((entry, index) => {
    if (renamed.has(index)) return;
    if (listedTitles.indexOf(entry.title) < index) {
      problems.push(`${where} lists '${entry.title}' twice: keep one line`);
      return;
    }
    const check = checks[titles.indexOf(entry.title)];
    if (check === undefined) {
      problems.push(`${where} lists '${entry.title}', which is not a check of ${slug}: remove the line, or write the title as exercises/${slug}/checks.ts or solutions/${slug}/checks.ts has it`);
    } else if (check.visibility !== entry.visibility) {
      problems.push(
        check.visibility === 'hidden'
          ? `${where} lists the hidden check '${entry.title}' without "${hiddenMark.trim()}": write "${gradedLine({ ...check, title: entry.title })}"`
          : `${where} marks '${entry.title}' hidden, but it is public (exercises/${slug}/checks.ts): write "${gradedLine({ ...check, title: entry.title })}"`,
      );
    }
  });
  const inBoth = titles.filter((title) => listedTitles.includes(title));
  const listedInBoth = listedTitles.filter((title, index) => titles.includes(title) && listedTitles.indexOf(title) === index);
  const out = inBoth.findIndex((title, index) => listedInBoth[index] !== title);
  if (out !== -1) {
    problems.push(`${where} lists '${listedInBoth[out]}' before '${inBoth[out]}', which runs first: list the checks in the order they run (public.ts, then hidden.ts, each in its file's order)`);
  }
  return problems;
}

/** `GET /pages/home` and `GET /pages/<name>` are both the route `GET /pages/:name`. */
function routeFor(info: ExerciseInfo, method: string, written: string): RouteInfo | undefined {
  const parts = written.split('/');
  return info.routes.find((route) => {
    const expected = route.path.split('/');
    return route.method === method && expected.length === parts.length && expected.every((part, index) => (part.startsWith(':') ? parts[index] !== '' : part === parts[index]));
  });
}

/** Every `METHOD /path` that `text` mentions, trailing punctuation left out. */
function routesMentioned(text: string): { method: string; path: string }[] {
  return [...text.matchAll(/\b(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) (\/[^\s`|()"',;]*)/g)].map((match) => ({
    method: match[1] as string,
    path: (match[2] as string).replace(/[.:!?]+$/, ''),
  }));
}

function routeList(info: ExerciseInfo): string {
  return info.routes.map((route) => `${route.method} ${route.path}`).join(', ');
}

function viewHandlers(info: ExerciseInfo): string[] {
  return info.routes.filter((route) => route.handler.startsWith('view:')).map((route) => route.handler.slice('view:'.length));
}

function allHandlers(info: ExerciseInfo): string[] {
  return info.routes.map((route) => route.handler.replace(/^(view|kit):/, ''));
}

/** The exercises, other than `info`, whose learner writes a handler called `name`. */
function othersWithHandler(name: string, info: ExerciseInfo, course: readonly ExerciseInfo[]): string[] {
  return course.filter((other) => other.slug !== info.slug && viewHandlers(other).includes(name)).map((other) => other.slug);
}

/**
 * Why `name`, used where a handler's name goes, is not one of `info`'s handlers; null when it is,
 * or when it does not look like a handler's name: another exercise's handler does, and so does a
 * camelCase name where only handlers stand (`camelCaseIsAHandler`: a step of the request flow).
 */
function foreignHandler(name: string, info: ExerciseInfo, course: readonly ExerciseInfo[], camelCaseIsAHandler: boolean): string | null {
  if (allHandlers(info).includes(name)) return null;
  const others = othersWithHandler(name, info, course);
  if (others.length === 0 && !(camelCaseIsAHandler && /[a-z][A-Z]/.test(name))) return null;
  const whose = others.length > 0 ? `a handler of ${others.join(' and ')}, not of ${info.slug}` : `not a handler of ${info.slug}`;
  return `${whose} (its handlers: ${viewHandlers(info).join(', ') || 'none'})`;
}

/** The routes `text` mentions that the exercise lacks, and the names in backticks that are another exercise's handlers. */
function mentionProblems(where: string, text: string, info: ExerciseInfo, course: readonly ExerciseInfo[]): string[] {
  const problems = new Set<string>();
  for (const { method, path } of routesMentioned(text)) {
    if (!routeFor(info, method, path)) problems.add(`${where} mentions ${method} ${path}, which ${info.slug} does not route (its routes: ${routeList(info)})`);
  }
  for (const match of text.matchAll(/`([A-Za-z_$][\w$]*)`/g)) {
    const name = match[1] as string;
    const why = foreignHandler(name, info, course, false);
    if (why) problems.add(`${where} names \`${name}\`, ${why}`);
  }
  return [...problems];
}

/**
 * What is wrong with the routes and handler names a lesson mentions, against the manifest: every
 * route it writes (`GET /pages/home` for `/pages/:name`) is one of the exercise's; every handler
 * the learner writes is named, with its route; "`x` answers `GET /p`" names the handler the
 * manifest gives that route; and no name the lesson uses as a handler (in backticks, or as a step
 * of the request flow) belongs to another exercise or to none.
 */
export function lessonNameProblems(info: ExerciseInfo, text: string, course: readonly ExerciseInfo[]): string[] {
  const name = `exercises/${info.slug}/README.md`;
  const problems = mentionProblems(name, text, info, course);
  const mentioned = routesMentioned(text);
  for (const route of info.routes) {
    if (!route.handler.startsWith('view:')) continue;
    const handler = route.handler.slice('view:'.length);
    if (!new RegExp(`(?<![\\w$])${handler.replace(/\$/g, '\\$')}(?![\\w$])`).test(text)) problems.push(`${name} never names \`${handler}\`, the handler of ${route.method} ${route.path}: say in "Your task" which function answers it`);
    if (!mentioned.some((written) => routeFor(info, written.method, written.path) === route)) {
      problems.push(`${name} never mentions ${route.method} ${route.path}, the route \`${handler}\` answers`);
    }
  }
  for (const match of text.matchAll(/`([A-Za-z_$][\w$]*)` answers `(GET|POST|PUT|PATCH|DELETE) ([^`\s]+)/g)) {
    const [, said = '', method = '', path = ''] = match;
    const route = routeFor(info, method, path);
    if (!route) continue;
    const handler = route.handler.replace(/^(view|kit):/, '');
    if (handler === said) continue;
    problems.push(
      route.handler.startsWith('kit:')
        ? `${name} says \`${said}\` answers ${method} ${path}, but the kit answers it (${route.handler} in exercises/${info.slug}/exercise.json)`
        : `${name} says \`${said}\` answers ${method} ${path}, but its handler is \`${handler}\` (exercises/${info.slug}/exercise.json)`,
    );
  }
  let fenced = false;
  for (const line of text.split('\n')) {
    if (line.startsWith('```')) fenced = !fenced;
    const subject = fenced ? /^\s*->\s+([A-Za-z_$][\w$]*)\s/.exec(line)?.[1] : undefined;
    const why = subject === undefined ? null : foreignHandler(subject, info, course, true);
    if (subject !== undefined && why) problems.push(`${name}'s request flow has ${subject}, ${why}`);
  }
  return [...new Set(problems)];
}

/**
 * What is wrong with the routes and handler names in an exercise's hints, the manifest's and its
 * checks': every route is one of the exercise's, "in `x`" names one of its handlers, and no
 * handler of another exercise is named.
 */
export function hintNameProblems(info: ExerciseInfo, checks: readonly Pick<Check, 'id' | 'hint'>[], course: readonly ExerciseInfo[]): string[] {
  const hints = [
    ...info.hints.map((hint, index) => ({ where: `${info.slug}'s hint ${index + 1}`, hint })),
    ...checks.map((check) => ({ where: `check ${check.id}'s hint`, hint: check.hint })),
  ];
  const problems: string[] = [];
  for (const { where, hint } of hints) {
    problems.push(...mentionProblems(where, hint, info, course));
    for (const match of hint.matchAll(/\b[Ii]n `([A-Za-z_$][\w$]*)`/g)) {
      const name = match[1] as string;
      if (!allHandlers(info).includes(name) && othersWithHandler(name, info, course).length === 0) {
        problems.push(`${where} says "in \`${name}\`", but ${name} is not a handler of ${info.slug} (its handlers: ${viewHandlers(info).join(', ') || 'none'})`);
      }
    }
  }
  return problems;
}

/**
 * Why a view that should get full marks did not, in one line: the status and its message when the
 * app did not run to the end, otherwise the first failed check with its message (checks graded
 * for the kit check show their messages, hidden or not), then the ids of the others that failed.
 */
export function whyNotFullMarks(result: Pick<ExerciseResult, 'status' | 'message' | 'checks'>): string {
  const failed = result.checks.filter((check) => !check.passed);
  const others = (skip: number): string => (failed.length > skip ? `; also failed: ${failed.slice(skip).map((check) => check.id).join(', ')}` : '');
  if (result.status !== 'failed' && result.status !== 'passed') return `${result.status}${result.message ? `: ${result.message}` : ''}${others(0)}`;
  const first = failed[0];
  if (first === undefined) return 'no check failed';
  return `${first.id} failed: ${first.message ?? `"${first.title}"`}${others(1)}`;
}
