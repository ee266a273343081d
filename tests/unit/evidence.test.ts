/**
 * What evidence reads of what a check saw: the records an app wrote are read to a bound, however
 * deep or large the app makes them, since every known mistake's evidence reads them in the
 * grader's one event loop.
 */
import { describe, expect, it } from 'vitest';
import { Evidence, type Seen } from '../../grader/engine/check-language/evidence.js';
import type { Exchange } from '../../grader/engine/check-language/visitor.js';

const login: Exchange = { visitor: 'visitor 1', method: 'POST', path: '/login', fields: { username: 'alice' }, cookie: null, status: 200, text: 'nope', setCookies: [], handlerError: null, sentAt: 1, answeredAt: 3 };

function writing(record: unknown): Seen {
  return { check: 'demo/login', exchanges: [login], store: [{ op: 'set', sid: 's', record: JSON.stringify(record), at: 2, repliedAt: 2 }], notes: [] };
}

describe('evidence read from the records an app wrote', () => {
  it('finds a value at any depth a session really has, with the key that holds it', () => {
    const seen = new Evidence([writing({ cookie: {}, user: { profile: { name: 'alice' } } })]);
    expect(seen.stored((value, key) => key === 'name' && value === 'alice', 'POST /login')).toBe(true);
    expect(seen.stored((value) => value === 'bob', 'POST /login')).toBe(false);
  });

  it('reads at most 2000 values of a record, and no deeper than 16 levels', () => {
    const deep = JSON.parse(`${'['.repeat(2000)}"bottom"${']'.repeat(2000)}`) as unknown;
    const wide = Array.from({ length: 3000 }, (_, index) => index);
    let read = 0;
    const seen = new Evidence([writing({ cookie: {}, deep, wide })]);
    const found = seen.stored((value) => {
      read += 1;
      return value === 'bottom' || value === 2999;
    });
    expect(found).toBe(false);
    expect(read).toBeLessThanOrEqual(2000);
  });
});
