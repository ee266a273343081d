/**
 * The course as data: `exercises/course.json` lists the slugs in the order a learner takes them,
 * and each `exercises/<slug>/exercise.json` holds that exercise's entry (title, level, routes,
 * hints). Both are read once, when first asked for, and refused in one line naming the file and
 * what to fix. Run-time state (scores, hints shown) lives elsewhere, in `.kit-state/`, never here.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { kitRoot } from '../paths.js';
import { kitHandlers } from '../sandbox/kit-handlers.js';

/** How hard a check or an exercise is, as the course's quizzes grade their questions. */
export type Level = 'easy' | 'medium' | 'hard';

/** An HTTP method the kit routes. */
export type Method = 'GET' | 'POST';

/** One route of an exercise's app, wired by the kit (the learner writes only the handler). */
export interface RouteInfo {
  /** The HTTP method the route answers. */
  method: Method;
  /** The path, as Express matches it, for example `/color`. */
  path: string;
  /**
   * Who answers: `view:<name>` is the function `<name>` that the learner's `view.ts` exports;
   * `kit:<name>` is a handler the kit itself provides (see `grader/engine/sandbox/kit-handlers.ts`), used
   * where an exercise needs a route the learner does not write.
   */
  handler: `view:${string}` | `kit:${string}`;
  /**
   * The fields a request to this route sends, each with an example value: the body fields of a
   * POST, and one field per parameter of the path (`:name`). `npm run serve` builds its `/_kit`
   * page's forms from them; absent when the route takes nothing.
   */
  fields?: FieldInfo[];
}

/** The paths a route's path answers, as Express matches them (`/pages/:name`, a trailing `/` or not). */
export function routePattern(routePath: string): RegExp {
  const parts = routePath.split('/').map((part) => (part.startsWith(':') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  return new RegExp(`^${parts.join('/')}/?$`);
}

/** One field of a route's request, as `npm run serve`'s page offers it to fill in. */
export interface FieldInfo {
  /** The field's name, as the handler reads it (`req.body.<name>`, or `:<name>` in the path). */
  name: string;
  /** A value that the exercise's lesson uses, filled in for the learner to change. */
  example: string;
}

/** What the kit knows of one exercise before anything is graded. */
export interface ExerciseInfo {
  /** Kebab-case name; also the folder under `exercises/` and `solutions/`. */
  slug: string;
  /** The title shown in reports and lists. */
  title: string;
  /** How hard the exercise is overall; the manifest is ordered from easy to hard. */
  level: Level;
  /** The routes of the exercise's app, in the order they are registered. */
  routes: RouteInfo[];
  /** Progressive hints, from a nudge to nearly the answer; `npm run hint` shows them in order. */
  hints: string[];
}

/** The course as read: its exercises, easiest first. */
export interface Manifest {
  readonly exercises: ExerciseInfo[];
}

/** The course's list: `exercises/course.json`, whose `exercises` are slugs in the learner's order. */
export const courseListFile = 'exercises/course.json';

/** An exercise's entry, by path from the kit's root. */
export function entryFile(slug: string): string {
  return `exercises/${slug}/exercise.json`;
}

/** A course file that cannot be read as the course: the message names the file and the fix. */
export class CourseError extends Error {}

/** The JSON of `text`, the file `relative`'s, refused in one line naming it. */
export function parseJson(text: string, relative: string): unknown {
  try {
    // An editor may save a byte-order mark; JSON.parse refuses one.
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new CourseError(`${relative} is not valid JSON (${(error as Error).message}): fix it, then run again`);
  }
}

function readJson(root: string, relative: string): unknown {
  const file = path.join(root, relative);
  if (!existsSync(file)) throw new CourseError(`${relative} is missing: the course needs it (npm run new-exercise writes one)`);
  return parseJson(readFileSync(file, 'utf8'), relative);
}

/** The levels, easiest first. */
export const levels: readonly Level[] = ['easy', 'medium', 'hard'];
/**
 * A route's path as the course writes them: segments of letters, digits and `-_~`, or a parameter
 * (`:name`); no `.` or `..` segment, nothing Express would read as a pattern.
 */
const routeShape = /^\/(?:(?:[A-Za-z0-9_~-]+|:[A-Za-z_]\w*)(?:\/(?:[A-Za-z0-9_~-]+|:[A-Za-z_]\w*))*)?$/;
export const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
export const isText = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

function fieldOf(value: unknown, where: string): FieldInfo {
  if (!isRecord(value) || !isText(value.name) || typeof value.example !== 'string') throw new CourseError(`${where} needs a "name" and an "example" (text)`);
  return { name: value.name, example: value.example };
}

function routeOf(value: unknown, where: string): RouteInfo {
  if (!isRecord(value)) throw new CourseError(`${where} is not a route: write { "method", "path", "handler" }`);
  const { method, path: routePath, handler, fields } = value;
  if (method !== 'GET' && method !== 'POST') throw new CourseError(`${where}: "method" is "GET" or "POST"`);
  if (!isText(routePath) || !routeShape.test(routePath)) {
    throw new CourseError(`${where}: "path" is "/" then words and ":parameters" joined by "/", for example "/color" or "/pages/:name"`);
  }
  if (typeof handler !== 'string' || !/^(?:view|kit):[A-Za-z_$][\w$]*$/.test(handler) || handler.split(':')[1]! in Object.prototype) {
    throw new CourseError(`${where}: "handler" is "view:<function view.ts exports>" or "kit:<handler of the kit>"`);
  }
  const [source, name = ''] = handler.split(':');
  if (source === 'kit' && !Object.hasOwn(kitHandlers, name)) {
    throw new CourseError(`${where}: the kit has no handler "${name}" (it has ${Object.keys(kitHandlers).join(', ')})`);
  }
  if (fields !== undefined && !Array.isArray(fields)) throw new CourseError(`${where}: "fields" is a list`);
  const route: RouteInfo = { method, path: routePath, handler: handler as RouteInfo['handler'] };
  if (fields) route.fields = fields.map((field, index) => fieldOf(field, `${where}, field ${index + 1}`));
  return route;
}

/** One exercise's entry, checked for the shape the grader needs; the kit check judges the rest. */
function entryOf(root: string, slug: string): ExerciseInfo {
  const file = entryFile(slug);
  const entry = readJson(root, file);
  if (!isRecord(entry)) throw new CourseError(`${file} is not an object: write { "title", "level", "routes", "hints" }`);
  const { title, level, routes, hints } = entry;
  if (!isText(title)) throw new CourseError(`${file} needs a "title"`);
  if (!levels.includes(level as Level)) throw new CourseError(`${file}: "level" is "easy", "medium" or "hard"`);
  if (!Array.isArray(routes) || routes.length === 0) throw new CourseError(`${file} needs "routes", a list of at least one route`);
  if (!Array.isArray(hints) || !hints.every(isText)) throw new CourseError(`${file}: "hints" is a list of texts`);
  return { slug, title, level: level as Level, routes: routes.map((route, index) => routeOf(route, `${file}, route ${index + 1}`)), hints };
}

/** A slug names a folder: lowercase words joined by hyphens. */
export const slugShape = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/** The slugs a course list's text names, as written: refused in one line when it is not `{ "exercises": [ "<slug>", ... ] }`. */
export function slugsOfCourseList(text: string, relative: string = courseListFile): string[] {
  const list = parseJson(text, relative);
  const slugs = isRecord(list) ? list.exercises : undefined;
  if (!Array.isArray(slugs) || !slugs.every((slug) => typeof slug === 'string')) {
    throw new CourseError(`${relative} needs { "exercises": [ "<slug>", ... ] }, the slugs in the learner's order: fix it, then run again`);
  }
  return slugs;
}

/** The course of the kit at `root`, or a CourseError naming the file and the fix. */
export function readCourse(root: string = kitRoot): ExerciseInfo[] {
  const file = path.join(root, courseListFile);
  if (!existsSync(file)) throw new CourseError(`${courseListFile} is missing: the course needs it (npm run new-exercise writes one)`);
  const slugs = slugsOfCourseList(readFileSync(file, 'utf8'));
  if (slugs.length === 0) throw new CourseError(`${courseListFile} lists no exercise: add the slugs of the course (npm run new-exercise adds one)`);
  const bad = slugs.find((slug) => !slugShape.test(slug));
  if (bad !== undefined) throw new CourseError(`${courseListFile} lists "${bad}", which is not a slug (lowercase words joined by hyphens)`);
  const twice = slugs.find((slug, index) => slugs.indexOf(slug) !== index);
  if (twice !== undefined) throw new CourseError(`${courseListFile} lists "${twice}" twice: keep one`);
  return slugs.map((slug) => entryOf(root, slug));
}

let read: ExerciseInfo[] | undefined;

/** The course, read when first asked for (a broken file is refused where it is used, in one line). */
export const manifest: Manifest = {
  get exercises(): ExerciseInfo[] {
    read ??= readCourse();
    return read;
  },
};

/** The exercise with this slug, or undefined. */
export function findExercise(slug: string): ExerciseInfo | undefined {
  return manifest.exercises.find((exercise) => exercise.slug === slug);
}
