/**
 * The session store of one exercise's app, kept by the grader. The app's express-session reaches
 * it only through store operations (`remote-store.ts` in the host), so what the checks read is
 * what express-session wrote, and no learner code can patch, replace or answer for it.
 *
 * It behaves as express-session's MemoryStore does: records are JSON text, and a record whose
 * cookie has expired (on the app's clock, which checks move forward) is gone when next read.
 */
import { maxRecordBytes, type StoreAnswer, type StoreOp } from './protocol.js';

/** One session as the store holds it: what the app put in `req.session`, plus `cookie`. */
export type SessionRecord = Record<string, unknown>;

/** The parsed record when `text` is a JSON object, otherwise null. Never throws. */
function parseRecord(text: string): SessionRecord | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as SessionRecord) : null;
  } catch {
    return null;
  }
}

/** When the record's cookie expires (ms since 1970, on the app's clock), or null for a browser-session cookie. */
function expiryOf(record: SessionRecord): number | null {
  const cookie = record.cookie;
  if (typeof cookie !== 'object' || cookie === null) return null;
  const expires = (cookie as { expires?: unknown }).expires;
  if (typeof expires !== 'string' && typeof expires !== 'number') return null;
  const at = new Date(expires).getTime();
  return Number.isNaN(at) ? null : at;
}

/**
 * A record as held: its cookie's JSON and the rest's apart, so that a `touch`, which changes the
 * cookie only, never reads the rest (a frame of a few bytes must not make the grader parse a large
 * record); and the expiry, read once, when the cookie is stored.
 */
interface Held {
  /** The JSON of the record without its cookie: an object, `{}` at least. */
  rest: string;
  /** The JSON of the cookie, or null when the record has none. */
  cookie: string | null;
  expiresAt: number | null;
}

/** The record's JSON text, the cookie first, as express-session writes it. */
function textOf(held: Held): string {
  if (held.cookie === null) return held.rest;
  return held.rest === '{}' ? `{"cookie":${held.cookie}}` : `{"cookie":${held.cookie},${held.rest.slice(1)}`;
}

function sizeOf(held: Held | undefined): number {
  return held === undefined ? 0 : held.rest.length + (held.cookie?.length ?? 0);
}

/** The record split for holding. */
function heldOf(record: SessionRecord): Held {
  const { cookie, ...rest } = record;
  return { rest: JSON.stringify(rest), cookie: cookie === undefined ? null : JSON.stringify(cookie), expiresAt: expiryOf(record) };
}

/** Far above any exercise's needs; a store past them is an app storing without end. */
const maxSessions = 10_000;
const maxStoreBytes = 4 * 1024 * 1024;

export class SessionRecords {
  /**
   * No operation re-reads the store: a `length` or `all` from the app costs the grader a count or a
   * copy, a `touch` a parse of the cookie it was sent, never a parse of what is held.
   */
  private readonly held = new Map<string, Held>();
  /** The JSON text held, in characters, kept so that a full store is refused at once. */
  private size = 0;
  /** No record expires before this: until then every record held is live, and none need be looked at. */
  private firstExpiry = Infinity;

  private put(sid: string, held: Held): void {
    this.size += sizeOf(held) - sizeOf(this.held.get(sid));
    this.held.set(sid, held);
    if (held.expiresAt !== null) this.firstExpiry = Math.min(this.firstExpiry, held.expiresAt);
  }

  private remove(sid: string): void {
    this.size -= sizeOf(this.held.get(sid));
    this.held.delete(sid);
  }

  /** `now` is the app's clock (the grader's plus how far checks moved it). */
  constructor(private readonly now: () => number) {}

  /** The live record of `sid` as held; an expired one is removed. */
  private live(sid: string): Held | null {
    const held = this.held.get(sid);
    if (held === undefined) return null;
    if (held.expiresAt !== null && held.expiresAt <= this.now()) {
      this.remove(sid);
      return null;
    }
    return held;
  }

  /** Removes the expired records, once the clock has passed the first expiry. */
  private sweep(): void {
    const now = this.now();
    if (now < this.firstExpiry) return;
    this.firstExpiry = Infinity;
    for (const [sid, { expiresAt }] of this.held) {
      if (expiresAt === null) continue;
      if (expiresAt <= now) this.remove(sid);
      else this.firstExpiry = Math.min(this.firstExpiry, expiresAt);
    }
  }

  /** The live record of `sid`, parsed. */
  get(sid: string): SessionRecord | null {
    const held = this.live(sid);
    return held === null ? null : parseRecord(textOf(held));
  }

  /** Every live record, by session ID. */
  all(): Map<string, SessionRecord> {
    this.sweep();
    const records = new Map<string, SessionRecord>();
    for (const sid of this.held.keys()) {
      const record = this.get(sid);
      if (record) records.set(sid, record);
    }
    return records;
  }

  /**
   * Replaces a live record, as a check does to prove that the app answers from the store (and
   * not from a copy of its own). False when there is no live record of `sid`.
   */
  replace(sid: string, record: SessionRecord): boolean {
    if (this.live(sid) === null) return false;
    this.put(sid, heldOf(record));
    return true;
  }

  /** Carries out what the app's express-session asked; records are at most `maxRecordBytes` (the protocol refuses larger). */
  apply(op: StoreOp): StoreAnswer {
    switch (op.op) {
      case 'get': {
        const held = this.live(op.sid);
        return { ok: true, record: held === null ? null : textOf(held) };
      }
      case 'set': {
        const record = parseRecord(op.record);
        if (record === null) return { ok: false, error: 'a session must be a JSON object' };
        const held = heldOf(record);
        const added = sizeOf(held) - sizeOf(this.held.get(op.sid));
        if ((!this.held.has(op.sid) && this.held.size >= maxSessions) || this.size + added > maxStoreBytes) {
          return { ok: false, error: `the session store is full (${maxSessions} sessions or ${maxStoreBytes / 1024 / 1024} MiB)` };
        }
        this.put(op.sid, held);
        return { ok: true };
      }
      case 'touch': {
        const current = this.live(op.sid);
        const touched = parseRecord(op.record);
        if (current && touched && touched.cookie !== undefined) {
          const held: Held = { rest: current.rest, cookie: JSON.stringify(touched.cookie), expiresAt: expiryOf(touched) };
          // A touch may not grow a record past what a set may store, nor the store past its size.
          const added = sizeOf(held) - sizeOf(current);
          if (sizeOf(held) > maxRecordBytes || this.size + added > maxStoreBytes) return { ok: false, error: 'the session is too large to touch' };
          this.put(op.sid, held);
        }
        return { ok: true };
      }
      case 'destroy':
        this.remove(op.sid);
        return { ok: true };
      case 'all': {
        this.sweep();
        const records: Record<string, string> = {};
        for (const [sid, held] of this.held) records[sid] = textOf(held);
        return { ok: true, records };
      }
      case 'clear':
        this.held.clear();
        this.size = 0;
        this.firstExpiry = Infinity;
        return { ok: true };
      case 'length':
        this.sweep();
        return { ok: true, count: this.held.size };
    }
  }
}
