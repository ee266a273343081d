/**
 * The course as data: `exercises/course.json` and each `exercise.json` are read as they are
 * written, and anything the grader cannot use is refused in one line naming the file and the fix,
 * before a learner could be blamed for it (a route Express would read as a pattern, a handler
 * found through Object's prototype, a handler the kit does not have).
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CourseError, readCourse } from '../../grader/engine/course/manifest.js';
import { kitRoot } from '../run-kit.js';

const entry = {
  title: 'Demo',
  level: 'easy',
  routes: [
    { method: 'POST', path: '/demo', handler: 'view:saveDemo', fields: [{ name: 'value', example: 'tea' }] },
    { method: 'GET', path: '/pages/:name', handler: 'view:showDemo' },
  ],
  hints: ['Keep it in the session.'],
};

/** A kit folder holding only a course: its list as `list` (text), and `demo`'s entry. */
function courseWith(list: string, demo: unknown = entry): string {
  const root = mkdtempSync(path.join(tmpdir(), 'course-data-'));
  mkdirSync(path.join(root, 'exercises', 'demo'), { recursive: true });
  writeFileSync(path.join(root, 'exercises', 'course.json'), list);
  writeFileSync(path.join(root, 'exercises', 'demo', 'exercise.json'), typeof demo === 'string' ? demo : JSON.stringify(demo));
  return root;
}

const refusal = (root: string): string => {
  try {
    readCourse(root);
  } catch (error) {
    if (error instanceof CourseError) return error.message;
    throw error;
  }
  return 'accepted';
};

const withRoute = (route: Record<string, unknown>): unknown => ({ ...entry, routes: [route] });

describe('the course list and the entries', () => {
  it("reads the kit's own course, and a list saved with a byte-order mark", () => {
    expect(readCourse(kitRoot).length).toBeGreaterThan(0);
    expect(readCourse(courseWith('\uFEFF{ "exercises": ["demo"] }')).map((info) => [info.slug, info.routes.length])).toEqual([['demo', 2]]);
  });

  it('refuses a list that is not JSON, lists nothing, or names a slug twice or badly', () => {
    expect(refusal(courseWith('{ "exercises": ["demo", }'))).toMatch(/^exercises\/course\.json is not valid JSON \(.*\): fix it, then run again$/);
    expect(refusal(courseWith('{ "exercises": [] }'))).toBe('exercises/course.json lists no exercise: add the slugs of the course (npm run new-exercise adds one)');
    expect(refusal(courseWith('{ "exercises": ["demo", "demo"] }'))).toBe('exercises/course.json lists "demo" twice: keep one');
    expect(refusal(courseWith('{ "exercises": ["../demo"] }'))).toMatch(/^exercises\/course\.json lists "\.\.\/demo", which is not a slug/);
    expect(refusal(courseWith('{ "exercises": ["demo", "gone"] }'))).toBe('exercises/gone/exercise.json is missing: the course needs it (npm run new-exercise writes one)');
  });

  it('refuses a route Express would read as a pattern, or that leaves its folder', () => {
    for (const routePath of ['/theme(', '/theme*', '/x/../theme', '/x//y', 'theme', '/a/./b']) {
      expect([routePath, refusal(courseWith('{ "exercises": ["demo"] }', withRoute({ method: 'GET', path: routePath, handler: 'view:showDemo' })))]).toEqual([
        routePath,
        'exercises/demo/exercise.json, route 1: "path" is "/" then words and ":parameters" joined by "/", for example "/color" or "/pages/:name"',
      ]);
    }
  });

  it("refuses a handler Object's prototype would answer, and one the kit does not have", () => {
    for (const handler of ['view:constructor', 'view:__proto__', 'kit:toString', 'view:save-demo']) {
      expect(refusal(courseWith('{ "exercises": ["demo"] }', withRoute({ method: 'GET', path: '/demo', handler })))).toBe(
        'exercises/demo/exercise.json, route 1: "handler" is "view:<function view.ts exports>" or "kit:<handler of the kit>"',
      );
    }
    expect(refusal(courseWith('{ "exercises": ["demo"] }', withRoute({ method: 'GET', path: '/demo', handler: 'kit:nosuch' })))).toMatch(
      /^exercises\/demo\/exercise\.json, route 1: the kit has no handler "nosuch" \(it has saveLanguage, /,
    );
  });
});
