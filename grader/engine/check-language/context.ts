import type http from 'node:http';
import { sessionIdOf } from './cookies.js';
import type { Exchange } from './exchange.js';
import { Visitor, type Connection } from './visitor.js';

import type { SessionRecord } from '../sandbox/session-records.js';
import type { StoreEvent } from '../sandbox/store-events.js';
import { answeredBeforeReply, storeDuring } from './evidence.js';

export type { SessionRecord };

/** What a check gets to work with: fresh browsers and a look into the session store. */
export interface CheckContext {
  /** A new browser with no cookies; the name appears in the report. */
  visitor(name?: string): Visitor;
  /** Every session the app's store holds right now, by session ID. */
  storedSessions(): Promise<Map<string, SessionRecord>>;
  /** The stored session of the visitor's session cookie, or null when there is none. */
  sessionOf(visitor: Visitor): Promise<SessionRecord | null>;
  /**
   * Rewrites the visitor's stored session (the grader keeps the store): an app that answers from
   * the store shows the change at the next request; one that keeps a copy of its own does not.
   * False when the visitor has no stored session.
   */
  rewriteSession(visitor: Visitor, change: (record: SessionRecord) => SessionRecord): Promise<boolean>;
  /** The app's clock now (ms since 1970), which `advanceClock` moves. */
  now(): number;
  /** Moves the app's clock forward, so that sessions and cookies expire without waiting. */
  advanceClock(ms: number): Promise<void>;
  /** The secret the app signs its session cookies with. */
  readonly secret: string;
  /**
   * Notes a sign of a known mistake that only the check's own code can tell (the answer showed the
   * value the grader had just replaced): a mistake's evidence asks for it (`Evidence.noted`).
   */
  note(sign: string): void;
  /**
   * Whether the app answered `exchange` before the store's reply to a `destroy` it asked for while
   * answering it: it did not wait for the callback of `destroy` (or of `regenerate`).
   */
  answeredBeforeDestroyed(exchange: Exchange): boolean;
}

/** The context for one run of one check, with the transcript the report shows on failure. */
export function createContext(options: {
  /** The app's port on 127.0.0.1. */
  port: number;
  /** What every request to the app carries, so that the host knows it comes from the grader. */
  accessKey: string;
  /** The exercise's connection pool (see `Connection.agent`); the caller closes it. */
  agent: http.Agent;
  timeoutMs: number;
  /** When the check's time is up (ms since 1970), whatever its requests' own time-outs: a check retried alone has a bound. */
  endsAt?: number;
  secret: string;
  readStore: () => Promise<Record<string, unknown>>;
  rewriteStored: (sid: string, record: SessionRecord) => Promise<boolean>;
  advanceClock: (ms: number) => Promise<void>;
  /** The store operations the app asked for since the check began, with the grader's reply times. */
  storeEvents: () => readonly StoreEvent[];
  /** How far earlier checks of the exercise already moved the app's clock. */
  clockOffsetMs: number;
}): { context: CheckContext; transcript: Exchange[]; notes: string[] } {
  const connection: Connection = {
    port: options.port,
    accessKey: options.accessKey,
    timeoutMs: options.timeoutMs,
    endsAt: options.endsAt ?? Infinity,
    transcript: [],
    clockOffsetMs: options.clockOffsetMs,
    agent: options.agent,
  };
  let visitors = 0;
  const notes: string[] = [];
  const storedSessions = async (): Promise<Map<string, SessionRecord>> => {
    const entries = Object.entries(await options.readStore());
    // MemoryStore keeps each record as JSON text.
    return new Map(entries.map(([id, record]) => [id, (typeof record === 'string' ? JSON.parse(record) : record) as SessionRecord]));
  };
  const context: CheckContext = {
    visitor: (name) => new Visitor(connection, name ?? `visitor ${++visitors}`),
    storedSessions,
    sessionOf: async (visitor) => {
      const id = sessionIdOf(visitor.sessionCookie);
      return id === null ? null : ((await storedSessions()).get(id) ?? null);
    },
    rewriteSession: async (visitor, change) => {
      const id = sessionIdOf(visitor.sessionCookie);
      const record = id === null ? undefined : (await storedSessions()).get(id);
      return id !== null && record !== undefined && options.rewriteStored(id, change(record));
    },
    now: () => Date.now() + connection.clockOffsetMs,
    advanceClock: async (ms) => {
      await options.advanceClock(ms);
      connection.clockOffsetMs += ms;
    },
    secret: options.secret,
    note: (sign) => {
      notes.push(sign);
    },
    answeredBeforeDestroyed: (exchange) => answeredBeforeReply(exchange, storeDuring(exchange, connection.transcript, options.storeEvents()), 'destroy'),
  };
  return { context, transcript: connection.transcript, notes };
}
