/**
 * The session store an exercise's app uses: an express-session Store whose records the grader
 * keeps (`session-records.ts`). Every call goes out as a store operation and its callback runs
 * when the answer comes back, always asynchronously, as with a real store over the network.
 */
import session from 'express-session';
import { maxRecordBytes, type StoreAnswer, type StoreOp } from './protocol.js';

type Callback<T = void> = (error?: unknown, value?: T) => void;
export type StoreBackend = (op: StoreOp) => Promise<StoreAnswer>;

function parse(text: string | null | undefined): session.SessionData | null {
  if (typeof text !== 'string') return null;
  try {
    return JSON.parse(text) as session.SessionData;
  } catch {
    return null;
  }
}

export class RemoteStore extends session.Store {
  constructor(private readonly backend: StoreBackend) {
    super();
  }

  private call<T>(op: StoreOp, callback: Callback<T> | undefined, value: (answer: StoreAnswer & { ok: true }) => T): void {
    this.backend(op).then(
      (answer) => {
        if (!answer.ok) callback?.(new Error(answer.error));
        else callback?.(null, value(answer));
      },
      (error: unknown) => callback?.(error),
    );
  }

  /** The record as JSON text, or an error when it cannot be stored (the request then answers 500). */
  private static serialise(sessionData: session.SessionData, callback?: Callback): string | null {
    const text = JSON.stringify(sessionData);
    if (text.length <= maxRecordBytes) return text;
    // A record this large is a learner's mistake: say so, without sending it.
    setImmediate(() => callback?.(new Error(`the session is larger than ${maxRecordBytes / 1024} KiB: keep only small values in it`)));
    return null;
  }

  override get(sid: string, callback: (error: unknown, sessionData?: session.SessionData | null) => void): void {
    this.call({ op: 'get', sid }, callback, (answer) => parse(answer.record));
  }

  override set(sid: string, sessionData: session.SessionData, callback?: Callback): void {
    const record = RemoteStore.serialise(sessionData, callback);
    if (record !== null) this.call({ op: 'set', sid, record }, callback, () => undefined);
  }

  override touch(sid: string, sessionData: session.SessionData, callback?: Callback): void {
    const record = RemoteStore.serialise(sessionData, callback);
    if (record !== null) this.call({ op: 'touch', sid, record }, callback, () => undefined);
  }

  override destroy(sid: string, callback?: Callback): void {
    this.call({ op: 'destroy', sid }, callback, () => undefined);
  }

  override all(callback: (error: unknown, sessions?: Record<string, session.SessionData> | null) => void): void {
    this.call({ op: 'all' }, callback, (answer) => {
      const sessions: Record<string, session.SessionData> = {};
      for (const [sid, text] of Object.entries(answer.records ?? {})) {
        const parsed = parse(text);
        if (parsed) sessions[sid] = parsed;
      }
      return sessions;
    });
  }

  override clear(callback?: Callback): void {
    this.call({ op: 'clear' }, callback, () => undefined);
  }

  override length(callback: (error: unknown, length?: number) => void): void {
    this.call({ op: 'length' }, callback, (answer) => answer.count ?? 0);
  }
}
