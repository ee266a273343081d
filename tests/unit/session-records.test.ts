/**
 * The grader's session store costs the grader a bounded amount per operation, whatever the app
 * stored: a frame that merely asks (`length`, `get`) parses no record, a `touch` grows nothing past
 * what a `set` may store, and a record larger than that never passes the protocol.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { maxRecordBytes, parseHostMessage } from '../../grader/engine/sandbox/protocol.js';
import { SessionRecords } from '../../grader/engine/sandbox/session-records.js';

const record = (data: Record<string, unknown>, expires: string | null = null): string =>
  JSON.stringify({ cookie: { originalMaxAge: null, expires }, ...data });

afterEach(() => vi.restoreAllMocks());

describe('the store an app asks', () => {
  it('answers length and get without parsing any record', () => {
    const store = new SessionRecords(() => Date.parse('2026-01-01T00:00:00Z'));
    for (let index = 0; index < 500; index += 1) {
      expect(store.apply({ op: 'set', sid: `s${index}`, record: record({ numbers: [1, 2, 3] }, '2026-06-01T00:00:00Z') })).toEqual({ ok: true });
    }
    const parse = vi.spyOn(JSON, 'parse');
    expect(store.apply({ op: 'length' })).toEqual({ ok: true, count: 500 });
    expect(store.apply({ op: 'get', sid: 's7' })).toMatchObject({ ok: true, record: expect.stringContaining('numbers') });
    expect(parse).not.toHaveBeenCalled();
  });

  it('touches a large record by parsing only the cookie it was sent', () => {
    const store = new SessionRecords(() => 0);
    store.apply({ op: 'set', sid: 'large', record: record({ numbers: new Array(50_000).fill(0) }) });
    const parse = vi.spyOn(JSON, 'parse');
    const touch = JSON.stringify({ cookie: { originalMaxAge: 1000, expires: '2030-01-01T00:00:00.000Z' } });
    expect(store.apply({ op: 'touch', sid: 'large', record: touch })).toEqual({ ok: true });
    expect(parse.mock.calls.map(([text]) => text)).toEqual([touch]);
    parse.mockRestore();
    expect(store.get('large')).toMatchObject({ cookie: { originalMaxAge: 1000 }, numbers: expect.any(Array) });
  });

  it('still forgets records whose cookie has expired on the app clock', () => {
    let now = Date.parse('2026-01-01T00:00:00Z');
    const store = new SessionRecords(() => now);
    store.apply({ op: 'set', sid: 'soon', record: record({ a: 1 }, '2026-01-01T00:00:10Z') });
    store.apply({ op: 'set', sid: 'later', record: record({ a: 2 }, '2026-01-02T00:00:00Z') });
    store.apply({ op: 'set', sid: 'browser', record: record({ a: 3 }) });
    expect(store.apply({ op: 'length' })).toEqual({ ok: true, count: 3 });
    now += 60_000;
    expect(store.apply({ op: 'length' })).toEqual({ ok: true, count: 2 });
    expect(store.apply({ op: 'get', sid: 'soon' })).toEqual({ ok: true, record: null });
    now += 24 * 3600_000;
    expect([...store.all().keys()]).toEqual(['browser']);
  });

  it('refuses a touch that would grow a record past what a set may store', () => {
    const store = new SessionRecords(() => 0);
    const big = 'x'.repeat(maxRecordBytes - 200);
    expect(store.apply({ op: 'set', sid: 'a', record: record({ big }) })).toEqual({ ok: true });
    const touch = JSON.stringify({ cookie: { padding: 'y'.repeat(1000) } });
    expect(store.apply({ op: 'touch', sid: 'a', record: touch })).toMatchObject({ ok: false });
    expect(store.get('a')?.cookie).toEqual({ originalMaxAge: null, expires: null });
  });

  it('takes no record larger than a set may store through the protocol', () => {
    const frame = (size: number): unknown => ({ type: 'store', id: 1, op: { op: 'touch', sid: 'a', record: 'x'.repeat(size) } });
    expect(parseHostMessage(frame(maxRecordBytes))).not.toBeNull();
    expect(parseHostMessage(frame(maxRecordBytes + 1))).toBeNull();
  });
});
