/**
 * A visitor is one browser: it keeps its own cookies from answer to answer, like a supertest
 * agent (on node:http directly: see docs/speed.md), and records every exchange so that a failed check can show what was asked and answered.
 */
import http from 'node:http';
import { accessHeader, cleanHostText, requestHeader } from '../sandbox/protocol.js';
import { RequestFailed, sendRequest, type RawAnswer } from './http-client.js';
import type { Exchange } from './exchange.js';
import { requestLogOf } from './request-log.js';

// A check's author meets an exchange as what a visitor's request returns.
export type { Exchange };

/** The name express-session gives its cookie. */
export const sessionCookieName = 'connect.sid';

/** Why a request got no answer: the check fails with this, and the grader looks at the app. */
export class NoAnswer extends Error {
  constructor(
    readonly reason: 'timeout' | 'unreachable',
    message: string,
  ) {
    super(message);
  }
}

/** What a check may add to a request: headers a browser sends (`Accept-Language`, `Referer`). */
export interface RequestOptions {
  headers?: Record<string, string>;
}

/** Headers the visitor and the grader set themselves, which a check may not. */
const graderHeaders = new Set(['cookie', 'content-type', 'content-length', 'host', 'connection', 'transfer-encoding']);

/** Larger answers are cut: a learner's app may send gigabytes. */
const bodyLimit = 65_536;

/** What every request shares: where the app is and how long it may take. */
export interface Connection {
  /** The app's port on 127.0.0.1. */
  port: number;
  /** Sent with every request (see `accessHeader`). */
  accessKey: string;
  timeoutMs: number;
  /** When the check's time is up (ms since 1970): a request waits until then at most. */
  endsAt: number;
  transcript: Exchange[];
  /** How far the app's clock was moved forward; browsers expire cookies on that clock. */
  clockOffsetMs: number;
  /**
   * The connections every visitor of the exercise shares, kept open between requests: a new
   * connection for each browser cost both sides more than the requests did. Cookies, not
   * connections, tell visitors apart, so an app that keys its state on the socket fails.
   */
  agent: http.Agent;
}

/** A cookie as a browser keeps it. */
interface StoredCookie {
  value: string;
  /** When it expires (on the app's clock), or null for a browser-session cookie. */
  expiresAt: number | null;
}

/** When a Set-Cookie's attributes make it expire, on the app's clock; null when never said. */
function expiryOf(attributes: string[], now: number): number | null {
  let expiresAt: number | null = null;
  for (const attribute of attributes) {
    const [key = '', value = ''] = attribute.split('=').map((part) => part.trim());
    // Max-Age wins over Expires, as in browsers.
    if (key.toLowerCase() === 'max-age') return now + Number(value) * 1000;
    if (key.toLowerCase() === 'expires') expiresAt = Date.parse(value);
  }
  return expiresAt;
}

export class Visitor {
  private readonly cookies = new Map<string, StoredCookie>();

  constructor(
    private readonly connection: Connection,
    readonly name: string,
  ) {}

  /** The session cookie's value as this browser holds it (URL-encoded, as sent), if any. */
  get sessionCookie(): string | undefined {
    this.forgetExpired();
    return this.cookies.get(sessionCookieName)?.value;
  }

  /** When the session cookie expires (on the app's clock); null for a browser-session cookie. */
  get sessionCookieExpiry(): number | null | undefined {
    return this.cookies.get(sessionCookieName)?.expiresAt;
  }

  /** Makes this browser send another session cookie: a replayed, forged or tampered one. */
  useSessionCookie(value: string | undefined): void {
    if (value === undefined) this.cookies.delete(sessionCookieName);
    else this.cookies.set(sessionCookieName, { value, expiresAt: null });
  }

  /** Closes and reopens the browser: cookies without an expiry are gone, persistent ones stay. */
  restart(): void {
    for (const [name, cookie] of this.cookies) if (cookie.expiresAt === null) this.cookies.delete(name);
  }

  private now(): number {
    return Date.now() + this.connection.clockOffsetMs;
  }

  private forgetExpired(): void {
    for (const [name, cookie] of this.cookies) {
      if (cookie.expiresAt !== null && cookie.expiresAt <= this.now()) this.cookies.delete(name);
    }
  }

  get(path: string, options: RequestOptions = {}): Promise<Exchange> {
    return this.send('GET', path, null, false, options.headers);
  }

  /** Posts form fields, as an HTML form would (`json: true` sends them as JSON instead). */
  post(path: string, fields: Record<string, string> = {}, options: RequestOptions & { json?: boolean } = {}): Promise<Exchange> {
    return this.send('POST', path, fields, options.json ?? false, options.headers);
  }

  private async send(
    method: 'GET' | 'POST',
    path: string,
    fields: Record<string, string> | null,
    json = false,
    added: Record<string, string> = {},
  ): Promise<Exchange> {
    const own = Object.keys(added).find((name) => graderHeaders.has(name.toLowerCase()) || name.toLowerCase().startsWith('x-kit'));
    if (own !== undefined) throw new Error(`a check may not set the ${own} header: the visitor sends its cookies, its body's type and the grader's own headers itself`);
    const { port, transcript } = this.connection;
    const timeoutMs = Math.max(1, Math.min(this.connection.timeoutMs, this.connection.endsAt - Date.now()));
    this.forgetExpired();
    const cookie = [...this.cookies].map(([name, { value }]) => `${name}=${value}`).join('; ') || null;
    const headers: Record<string, string> = { ...added, [accessHeader]: this.connection.accessKey, ...(cookie ? { cookie } : {}) };
    let body: string | null = null;
    if (fields) {
      body = json ? JSON.stringify(fields) : new URLSearchParams(fields).toString();
      headers['content-type'] = json ? 'application/json' : 'application/x-www-form-urlencoded';
    }
    let response: RawAnswer;
    // Numbered, so that a failure after the answer is charged to this request (`request-log.ts`).
    const log = requestLogOf(this.connection.agent);
    const id = log?.open(method, path);
    if (id !== undefined) headers[requestHeader] = String(id);
    const raw = { port, path, method, headers, body, timeoutMs, bodyLimit, agent: this.connection.agent };
    const sentAt = performance.now();
    try {
      response = log && id !== undefined ? await log.send(id, raw) : await sendRequest(raw);
    } catch (error) {
      if (!(error instanceof RequestFailed)) throw error;
      if (error.reason === 'timeout') throw new NoAnswer('timeout', `${method} ${path} got no answer within ${timeoutMs / 1000} s`);
      throw new NoAnswer('unreachable', `${method} ${path} could not reach the app (${error.code})`);
    }
    const setCookies = ([] as string[]).concat(response.headers['set-cookie'] ?? []);
    for (const header of setCookies) {
      const [pair = '', ...attributes] = header.split(';');
      const at = pair.indexOf('=');
      if (at < 1) continue;
      const name = pair.slice(0, at).trim();
      const expiresAt = expiryOf(attributes, this.now());
      if (expiresAt !== null && expiresAt <= this.now()) this.cookies.delete(name);
      else this.cookies.set(name, { value: pair.slice(at + 1).trim(), expiresAt });
    }
    const exchange: Exchange = {
      visitor: this.name,
      method,
      path,
      fields,
      json,
      cookie,
      ...(Object.keys(added).length > 0 ? { headers: added } : {}),
      status: response.status,
      text: response.text,
      setCookies,
      // The app can set this header itself: shown cleaned, as any text from the host.
      handlerError: typeof response.headers['x-kit-error'] === 'string' ? cleanHostText(response.headers['x-kit-error'], 500) : null,
      sentAt,
      answeredAt: response.at,
    };
    transcript.push(exchange);
    if (id !== undefined) log?.answered(id, exchange);
    return exchange;
  }
}
