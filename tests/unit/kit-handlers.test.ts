/**
 * The routes the kit provides inside an exercise's app (`kit:<name>` in the manifest): what they
 * answer, and that they answer no exercise. The file ships in every learner's copy, so it must keep
 * data of its own: no route, and no session key, that an exercise teaches.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Request, Response } from 'express';
import { describe, expect, it } from 'vitest';
import { manifest } from '../../grader/engine/course/manifest.js';
import { kitHandlers } from '../../grader/engine/sandbox/kit-handlers.js';
import { kitRoot } from '../run-kit.js';

type Session = Record<string, unknown>;

/** Calls a kit handler with a made-up request and returns what it answered. */
function call(name: string, session: Session, body?: unknown): { status: number; text: string } {
  const handler = kitHandlers[name];
  if (!handler) throw new Error(`no kit handler ${name}`);
  const answer = { status: 200, text: '' };
  const res = {
    status(code: number) {
      answer.status = code;
      return res;
    },
    send(text: string) {
      answer.text = text;
      return res;
    },
  };
  handler({ session, body } as unknown as Request, res as unknown as Response);
  return answer;
}

/** The keys a view declares in express-session's `SessionData`. */
function sessionKeys(source: string): string[] {
  const block = /interface SessionData\s*{([^}]*)}/.exec(source)?.[1] ?? '';
  return [...block.matchAll(/^\s*(\w+)\??:/gm)].map((match) => match[1] as string);
}

const kitRoutes = manifest.exercises.flatMap((exercise) => exercise.routes.filter((route) => route.handler.startsWith('kit:')));
const viewRoutes = manifest.exercises.flatMap((exercise) =>
  exercise.routes.filter((route) => route.handler.startsWith('view:')).map((route) => ({ slug: exercise.slug, ...route })),
);

describe("the kit's own routes", () => {
  it('are all provided, and every handler the kit provides is used', () => {
    const named = new Set(kitRoutes.map((route) => route.handler.slice('kit:'.length)));
    expect([...named].sort()).toEqual(Object.keys(kitHandlers).sort());
  });

  it("share no path with any exercise's own routes", () => {
    const kitPaths = new Set(kitRoutes.map((route) => route.path));
    expect(viewRoutes.filter((route) => kitPaths.has(route.path))).toEqual([]);
  });

  it('keep session keys that no exercise declares', () => {
    const kitKeys = sessionKeys(readFileSync(path.join(kitRoot, 'grader', 'engine', 'sandbox', 'kit-handlers.ts'), 'utf8'));
    expect(kitKeys.sort()).toEqual(['language', 'recentPages']);
    for (const exercise of manifest.exercises) {
      for (const folder of ['exercises', 'solutions']) {
        const file = `${folder}/${exercise.slug}/view.ts`;
        const keys = sessionKeys(readFileSync(path.join(kitRoot, file), 'utf8'));
        expect({ file, declares: keys.length > 0, shared: keys.filter((key) => kitKeys.includes(key)) }).toEqual({ file, declares: true, shared: [] });
      }
    }
  });
});

describe('the language preference', () => {
  it('is "en" until one is chosen, and reading it stores nothing', () => {
    const session: Session = {};
    expect(call('showLanguage', session)).toEqual({ status: 200, text: 'Language: en' });
    expect(session).toEqual({});
  });

  it('keeps one of en, fr, de and es, and refuses anything else without changing the session', () => {
    const session: Session = {};
    expect(call('saveLanguage', session, { language: 'fr' })).toEqual({ status: 200, text: 'Language set to fr' });
    expect(call('showLanguage', session)).toEqual({ status: 200, text: 'Language: fr' });
    for (const body of [{ language: 'klingon' }, { language: 'FR' }, { language: ['de'] }, {}, undefined]) {
      expect(call('saveLanguage', session, body)).toEqual({ status: 400, text: 'Unknown language: choose en, fr, de or es' });
    }
    expect(session).toEqual({ language: 'fr' });
  });

  it('shows the default when something else was left under its key', () => {
    expect(call('showLanguage', { language: 42 }).text).toBe('Language: en');
  });
});

describe('the recently viewed pages', () => {
  it('are none at first, and reading them stores nothing', () => {
    const session: Session = {};
    expect(call('showRecentPages', session)).toEqual({ status: 200, text: 'Recently viewed: none' });
    expect(session).toEqual({});
  });

  it('list the last three pages, the most recent first, each once', () => {
    const session: Session = {};
    for (const page of ['home', 'pricing', 'about']) {
      expect(call('addRecentPage', session, { page })).toEqual({ status: 200, text: `Viewed ${page}` });
    }
    expect(call('showRecentPages', session).text).toBe('Recently viewed: about, pricing, home');
    call('addRecentPage', session, { page: 'home' });
    expect(call('showRecentPages', session).text).toBe('Recently viewed: home, about, pricing');
    call('addRecentPage', session, { page: ' blog ' });
    expect(session).toEqual({ recentPages: ['blog', 'home', 'about'] });
  });

  it('refuse a missing or blank page without changing the session', () => {
    const session: Session = { recentPages: ['home'] };
    for (const body of [{ page: '  ' }, { page: 7 }, {}, undefined]) {
      expect(call('addRecentPage', session, body)).toEqual({ status: 400, text: 'Missing page' });
    }
    expect(session).toEqual({ recentPages: ['home'] });
  });

  it('start again from none when something else was left under their key', () => {
    expect(call('showRecentPages', { recentPages: 'home' }).text).toBe('Recently viewed: none');
    const session: Session = { recentPages: ['home', 3] };
    call('addRecentPage', session, { page: 'faq' });
    expect(session).toEqual({ recentPages: ['faq', 'home'] });
  });
});
