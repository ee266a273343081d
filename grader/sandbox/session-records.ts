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

function expired(record: SessionRecord, now: number): boolean {
  const cookie = record.cookie;
  if (typeof cookie !== 'object' || cookie === null) return false;
  const expires = (cookie as { expires?: unknown }).expires;
  if (typeof expires !== 'string' && typeof expires !== 'number') return false;
  const at = new Date(expires).getTime();
  return !Number.isNaN(at) && at <= now;
}

/** Far above any exercise's needs; a store past them is an app storing without end. */
const maxSessions = 10_000;
const maxStoreBytes = 4 * 1024 * 1024;

export class SessionRecords {
  private readonly texts = new Map<string, string>();
  /** The JSON text held, in characters, kept so that a full store is refused at once. */
  private size = 0;

  private put(sid: string, text: string): void {
    this.size += text.length - (this.texts.get(sid)?.length ?? 0);
    this.texts.set(sid, text);
  }

  private remove(sid: string): void {
    this.size -= this.texts.get(sid)?.length ?? 0;
    this.texts.delete(sid);
  }

  /** `now` is the app's clock (the grader's plus how far checks moved it). */
  constructor(private readonly now: () => number) {}

  /** The live record of `sid`, parsed; an expired one is removed. */
  get(sid: string): SessionRecord | null {
    const text = this.texts.get(sid);
    if (text === undefined) return null;
    const record = parseRecord(text);
    if (record === null || expired(record, this.now())) {
      this.remove(sid);
      return null;
    }
    return record;
  }

  /** Every live record, by session ID. */
  all(): Map<string, SessionRecord> {
    const records = new Map<string, SessionRecord>();
    for (const sid of [...this.texts.keys()]) {
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
    if (this.get(sid) === null) return false;
    this.put(sid, JSON.stringify(record));
    return true;
  }

  /** Carries out what the app's express-session asked. */
  apply(op: StoreOp): StoreAnswer {
    switch (op.op) {
      case 'get': {
        const record = this.get(op.sid);
        return { ok: true, record: record === null ? null : (this.texts.get(op.sid) ?? null) };
      }
      case 'set': {
        if (op.record.length > maxRecordBytes) return { ok: false, error: 'the session is larger than 256 KiB' };
        if (parseRecord(op.record) === null) return { ok: false, error: 'a session must be a JSON object' };
        const added = op.record.length - (this.texts.get(op.sid)?.length ?? 0);
        if ((!this.texts.has(op.sid) && this.texts.size >= maxSessions) || this.size + added > maxStoreBytes) {
          return { ok: false, error: `the session store is full (${maxSessions} sessions or ${maxStoreBytes / 1024 / 1024} MiB)` };
        }
        this.put(op.sid, op.record);
        return { ok: true };
      }
      case 'touch': {
        const current = this.get(op.sid);
        const touched = parseRecord(op.record);
        if (current && touched) this.put(op.sid, JSON.stringify({ ...current, cookie: touched.cookie }));
        return { ok: true };
      }
      case 'destroy':
        this.remove(op.sid);
        return { ok: true };
      case 'all': {
        const records: Record<string, string> = {};
        for (const sid of this.all().keys()) records[sid] = this.texts.get(sid) as string;
        return { ok: true, records };
      }
      case 'clear':
        this.texts.clear();
        this.size = 0;
        return { ok: true };
      case 'length':
        return { ok: true, count: this.all().size };
    }
  }
}
