/**
 * What an app's express-session asked of the grader's store, and when the grader answered: the
 * grader's own record of the order of store operations and answers, from which a known mistake is
 * named (an answer sent before the store replied to `destroy` did not wait for its callback).
 */
import type { StoreOp } from './protocol.js';

/** One store operation as the grader saw it; times are the grader's `performance.now()`. */
export interface StoreEvent {
  op: StoreOp['op'];
  /** The session it was about, for the operations that name one. */
  sid: string | null;
  /** The record written (`set`), when small enough to keep; otherwise null. */
  record: string | null;
  /** When the operation reached the grader. */
  at: number;
  /** When the grader's reply left for the app; null while it is held. */
  repliedAt: number | null;
}

/** Records past this size are left out of the log: evidence never needs a large one. */
const keptRecordBytes = 8 * 1024;
/** The log keeps the latest events only: an app calling the store in a loop must not grow it without end. */
const keptEvents = 500;

/**
 * How long the reply to a `destroy` waits: long enough that an answer sent without waiting for the
 * callback (of `destroy` or `regenerate`) reaches the grader first, short enough to cost little.
 * An app that does not wait writes its answer microseconds after the destroy, and the reply is
 * stamped only after the answers already in are read (`Sandbox.receive`): a few milliseconds
 * suffice, where every correct login or logout pays the wait (15 ms made a whole kit's grade 1.28x
 * slower). The operation itself is carried out at once, so the checks see the store as before.
 */
export const destroyReplyDelayMs = 3;

export class StoreLog {
  private events: StoreEvent[] = [];

  /** Notes an operation that has just reached the grader; its reply time is set by the caller. */
  note(op: StoreOp): StoreEvent {
    const event: StoreEvent = {
      op: op.op,
      sid: 'sid' in op ? op.sid : null,
      record: op.op === 'set' && op.record.length <= keptRecordBytes ? op.record : null,
      at: performance.now(),
      repliedAt: null,
    };
    this.events.push(event);
    if (this.events.length > keptEvents) this.events.splice(0, this.events.length - keptEvents);
    return event;
  }

  /** The events since the last `take`, kept. */
  peek(): readonly StoreEvent[] {
    return this.events;
  }

  /** The events since the last call, which are forgotten. */
  take(): StoreEvent[] {
    const taken = this.events;
    this.events = [];
    return taken;
  }
}
