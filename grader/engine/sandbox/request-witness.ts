/**
 * What the host saw of the requests the grader numbers (`requestHeader`): which reached the app,
 * and what went wrong once an answer had begun, which that answer can no longer carry: the handler
 * threw after answering, or the app closed the request's connection. Both would otherwise surface
 * later, as another request's broken connection.
 *
 * The grader asks (`requests`) and weighs every word against its own log of what it sent
 * (`check-language/request-log.ts`): learner code runs in this process and could change what is said
 * here, but all it could gain is a failure of its own checks.
 */
import type http from 'node:http';
import type net from 'node:net';
import { afterAnswersKept, requestHeader, type AfterAnswer } from './protocol.js';

/** The ids remembered, the latest first to stay: far more than an exercise sends. */
const keptIds = 4096;

/** A connection as the host last saw it: the request it carried last, and whether the grader ended it. */
interface Carried {
  request: number;
  /** The exercise's app it served (see `RequestWitness.generation`). */
  generation: number;
  /** The request's answer went out whole. */
  answered: boolean;
  /** The answer said that the connection would close after it ("Connection: close"). */
  closes: boolean;
  /** The grader ended the connection, or it failed on the grader's side. */
  endedByGrader: boolean;
}

export class RequestWitness {
  private readonly seen = new Set<number>();
  private records: AfterAnswer[] = [];
  private last: number | null = null;
  private readonly ids = new WeakMap<http.IncomingMessage, number>();
  private readonly connections = new WeakMap<net.Socket, Carried>();
  /** Counts the exercises' apps: a connection closed as one is unloaded is nobody's failure. */
  private generation = 0;

  /** Forgets everything: an exercise is loaded or unloaded (the kit closes its connections). */
  reset(): void {
    this.generation++;
    this.seen.clear();
    this.records = [];
    this.last = null;
  }

  /** A request of the grader's reaches the app. */
  received(req: http.IncomingMessage, res: http.ServerResponse): void {
    const id = Number(req.headers[requestHeader]);
    if (!Number.isSafeInteger(id) || id <= 0) return;
    this.ids.set(req, id);
    this.seen.add(id);
    if (this.seen.size > keptIds) this.seen.delete(this.seen.values().next().value as number);
    this.last = id;
    const socket = req.socket;
    let carried = this.connections.get(socket);
    if (!carried) {
      const state: Carried = { request: id, generation: this.generation, answered: false, closes: false, endedByGrader: false };
      carried = state;
      this.connections.set(socket, state);
      socket.once('end', () => (state.endedByGrader = true));
      socket.on('error', () => (state.endedByGrader = true));
      socket.once('close', () => this.closed(state));
    }
    Object.assign(carried, { request: id, generation: this.generation, answered: false, closes: false });
    const state = carried;
    res.once('finish', () => {
      state.answered = true;
      state.closes = !res.shouldKeepAlive;
    });
  }

  /** The handler threw after its answer had begun (`exercise-app.ts`). */
  threw(req: http.IncomingMessage, message: string): void {
    const id = this.ids.get(req);
    if (id !== undefined) this.note({ request: id, what: 'threw', message });
  }

  private closed(carried: Carried): void {
    // The grader's own end, an answer that said it closes, or the kit unloading the app.
    if (carried.endedByGrader || (carried.answered && carried.closes) || carried.generation !== this.generation) return;
    this.note({ request: carried.request, what: 'closed', message: '' });
  }

  private note(record: AfterAnswer): void {
    if (this.records.length < afterAnswersKept) this.records.push(record);
  }

  /** Which of `ask` reached the app, and every failure after an answer since the exercise loaded. */
  answer(ask: number[]): { seen: number[]; after: AfterAnswer[] } {
    return { seen: ask.filter((id) => this.seen.has(id)), after: [...this.records] };
  }

  /** The request received last, while an exercise is loaded. */
  lastRequest(): number | null {
    return this.last;
  }
}
