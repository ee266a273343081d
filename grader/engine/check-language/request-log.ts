/**
 * The grader's own log of one phase's requests, each numbered (`requestHeader`), with the check
 * that sent it and the connection it went out on; from it, every failure is charged to the request
 * that caused it, on the check that sent that request.
 *
 * A failure after an answer has begun travels in no answer: a handler that throws after answering,
 * a socket the app closes after answering, a crash in a callback. Left alone, it surfaces later,
 * as the next request on that connection failing ("could not reach the app (ECONNRESET)"), in
 * another check, even in the kit's own requests. Here:
 *
 * - a request that fails on a kept-alive connection the app had closed, which the app never
 *   received (the host says so), is sent again once on a connection of its own, and the last
 *   request to a learner's handler that the connection carried is charged; a request the app
 *   received is never sent twice, except to the kit's own routes, whose handlers change nothing
 *   when they run again;
 * - at the end of the phase, the host's word on what failed after an answer (`request-witness.ts`)
 *   and on the request it received last before it died is charged to the checks that sent them.
 *
 * The host's word only ever fails checks, and only checks whose requests reached a learner's
 * handler: the app can lose points by it, never gain one, and no failure is ever put on a kit
 * route's request.
 */
import http from 'node:http';
import type net from 'node:net';
import { routePattern, type RouteInfo } from '../course/manifest.js';
import type { AfterAnswer } from '../sandbox/protocol.js';
import { RequestFailed, sendRequest, type RawAnswer, type RawRequest } from './http-client.js';
import type { Exchange } from './exchange.js';

/** What the log asks of the host (`Sandbox.askRequests`, `Sandbox.lastRequest`). */
export interface HostWord {
  readonly exit: { kind: string; message: string; byItself?: boolean } | null;
  askRequests(ask: number[], timeoutMs: number): Promise<{ seen: number[]; after: AfterAnswer[] } | null>;
  lastRequest(): number | null;
}

/** One request of the phase, as the grader sent it. */
interface LoggedRequest {
  id: number;
  method: 'GET' | 'POST';
  path: string;
  /** The index, among the phase's checks, of the check that sent it. */
  check: number;
  /** Routed to one of the kit's own handlers (`kit-handlers.ts`): never the cause of a failure. */
  kit: boolean;
  socket: net.Socket | null;
  /** The answer, once it came whole. */
  exchange: Exchange | null;
}

/** A failure charged to a check, and the requests to show with it. */
export interface Charge {
  message: string;
  exchanges: Exchange[];
}

/** What a phase's requests left to charge (`RequestLog.charges`). */
export interface Charges {
  /** By the index of the check charged. */
  checks: Map<number, Charge>;
  /** The check whose request the host died of, if it said, and what ended it, naming that request. */
  crash: { check: number; message: string } | null;
  heard: boolean;
}

/** Ids unique in the grader's process: the host's word about another phase's request names none of this one's. */
let lastId = 0;

const logs = new WeakMap<http.Agent, RequestLog>();

/** The log of the phase whose connection pool is `agent`, if it keeps one. */
export function requestLogOf(agent: http.Agent): RequestLog | undefined {
  return logs.get(agent);
}

function requestName(request: LoggedRequest): string {
  return `${request.method} ${request.path}`;
}

/** What a request shows when the app closed its connection, answered or not. */
function closedMessage(request: LoggedRequest): string {
  const what = request.exchange ? 'answered, then the app closed the connection' : 'got no answer: the app closed the connection';
  return `${requestName(request)} ${what}: does the handler destroy its socket?`;
}

export class RequestLog {
  private check = -1;
  private readonly kitRoutes: { method: string; path: RegExp }[];
  private readonly requests = new Map<number, LoggedRequest>();
  /** The requests each connection carried, in order. */
  private readonly carried = new WeakMap<net.Socket, LoggedRequest[]>();
  /** Requests whose connection the app closed after answering, as the grader found it: by a later request that failed on it. */
  private readonly closedAfter = new Set<number>();
  /** For a request sent again: a connection of its own, closed after the answer. */
  private readonly fresh = new http.Agent({ keepAlive: false });

  /**
   * Keeps the log of the phase whose connection pool is `agent`. `askTimeoutMs` bounds each
   * question to the host: a host that does not answer in time is taken at its silence.
   */
  constructor(
    agent: http.Agent,
    routes: readonly RouteInfo[],
    private readonly host: HostWord,
    private readonly askTimeoutMs: number,
  ) {
    this.kitRoutes = routes.filter((route) => route.handler.startsWith('kit:')).map((route) => ({ method: route.method, path: routePattern(route.path) }));
    logs.set(agent, this);
  }

  /** The phase's checks run one at a time: the requests sent from now on are check `index`'s. */
  checkStarts(index: number): void {
    this.check = index;
  }

  /** Numbers a request about to be sent. */
  open(method: 'GET' | 'POST', path: string): number {
    const bare = path.split('?')[0] ?? path;
    const kit = this.kitRoutes.some((route) => route.method === method && route.path.test(bare));
    const request: LoggedRequest = { id: ++lastId, method, path, check: this.check, kit, socket: null, exchange: null };
    this.requests.set(request.id, request);
    return request.id;
  }

  /** The request's whole answer came. */
  answered(id: number, exchange: Exchange): void {
    const request = this.requests.get(id);
    if (request) request.exchange = exchange;
  }

  /**
   * Sends request `id`. When it fails on a kept-alive connection before any answer, the app had
   * closed that connection: the request is sent again, once, on a connection of its own, if the
   * app never received it (or it is the kit's own); the last learner's request the connection
   * carried is charged for it.
   */
  async send(id: number, raw: RawRequest): Promise<RawAnswer> {
    const request = this.requests.get(id) as LoggedRequest;
    const started = Date.now();
    const onSocket = (socket: net.Socket): void => {
      request.socket = socket;
      const carried = this.carried.get(socket) ?? [];
      carried.push(request);
      this.carried.set(socket, carried);
    };
    try {
      return await sendRequest({ ...raw, onSocket });
    } catch (error) {
      if (!(error instanceof RequestFailed) || error.reason !== 'unreachable' || !error.reused || error.answerBegun) throw error;
      const told = await this.host.askRequests([id], this.askTimeoutMs);
      // A host that does not say is looked at as for any request without an answer.
      if (!told) throw error;
      // A learner's handler that received the request and closed its connection is its own cause.
      if (told.seen.includes(id) && !request.kit) throw error;
      const before = this.carriedBefore(request);
      if (before) this.closedAfter.add(before.id);
      const timeoutMs = Math.max(1, raw.timeoutMs - (Date.now() - started));
      return await sendRequest({ ...raw, timeoutMs, agent: this.fresh, onSocket });
    }
  }

  /** The last request to a learner's handler that came back whole on the connection `request` went out on. */
  private carriedBefore(request: LoggedRequest): LoggedRequest | null {
    const carried = request.socket ? (this.carried.get(request.socket) ?? []) : [];
    const earlier = carried.slice(0, carried.indexOf(request));
    return earlier.reverse().find((candidate) => !candidate.kit && candidate.exchange !== null) ?? null;
  }

  /** The latest request to a learner's handler, from `request` back. */
  private learnersFrom(request: LoggedRequest): LoggedRequest | null {
    if (!request.kit) return request;
    const earlier = [...this.requests.values()].filter((candidate) => candidate.id < request.id && !candidate.kit);
    return earlier.at(-1) ?? null;
  }

  /**
   * What the phase's requests left to charge, by the index of the check that sent each: asks the
   * host, then weighs its word. `heard` when the host answered: a round trip on the channel, after
   * which all it wrote before has come (what the app printed too, once this turn of the event
   * loop is over).
   */
  async charges(): Promise<Charges> {
    const found = new Map<number, { rank: number; message: string }>();
    const charge = (request: LoggedRequest | undefined | null, rank: number, message: string): void => {
      if (!request || request.kit) return;
      const known = found.get(request.id);
      if (!known || rank < known.rank) found.set(request.id, { rank, message });
    };
    const told = await this.host.askRequests([], this.askTimeoutMs);
    for (const after of told?.after ?? []) {
      const request = this.requests.get(after.request);
      if (!request) continue;
      if (after.what === 'threw') charge(request, 1, request.exchange ? `${requestName(request)} answered, then ${after.message}` : `${requestName(request)} failed: ${after.message}`);
      else {
        // A connection closed after one of the kit's requests is charged as a later request failing on it would be.
        const cause = request.kit ? this.carriedBefore(request) : request;
        if (cause) charge(cause, 2, closedMessage(cause));
      }
    }
    for (const id of this.closedAfter) {
      const request = this.requests.get(id);
      if (request) charge(request, 2, closedMessage(request));
    }
    // A host that died names the request it received last (a forged name only moves its own failure).
    let crash: Charges['crash'] = null;
    const exit = this.host.exit;
    const last = this.host.lastRequest();
    // Without its word (a host's last frame can be lost as it ends itself), the request the grader
    // sent last stands for the one it received last: a phase's checks run one after another.
    const lastRequest = last === null ? (exit?.kind === 'crashed' && exit.byItself ? [...this.requests.values()].at(-1) : undefined) : this.requests.get(last);
    const culprit = exit?.kind === 'crashed' && lastRequest ? this.learnersFrom(lastRequest) : null;
    if (exit && culprit) {
      crash = { check: culprit.check, message: culprit.exchange ? `${requestName(culprit)} answered, then ${exit.message}` : `${requestName(culprit)} got no answer: ${exit.message}` };
      charge(culprit, 0, crash.message);
    }
    const checks = new Map<number, Charge>();
    // Each check takes the first of its requests charged: the first cause.
    for (const [id, { message }] of [...found].sort(([a], [b]) => a - b)) {
      const request = this.requests.get(id) as LoggedRequest;
      if (checks.has(request.check)) continue;
      const exchanges = [...this.requests.values()].filter((other) => other.check === request.check && other.id <= id && other.exchange).map((other) => other.exchange as Exchange);
      checks.set(request.check, { message, exchanges });
    }
    return { checks, crash, heard: told !== null };
  }
}
