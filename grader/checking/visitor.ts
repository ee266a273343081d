/**
 * A visitor is one browser: it keeps its own cookies from answer to answer, like a supertest
 * agent, and records every exchange so that a failed check can show what was asked and answered.
 */
import type { IncomingMessage } from 'node:http';
import request from 'supertest';

/** The name express-session gives its cookie. */
export const sessionCookieName = 'connect.sid';

/** One request and its answer, as the report shows them. */
export interface Exchange {
  visitor: string;
  method: 'GET' | 'POST';
  path: string;
  /** The fields sent in the body, if any. */
  fields: Record<string, string> | null;
  /** The Cookie header sent, if any. */
  cookie: string | null;
  status: number;
  /** The body, cut at `bodyLimit` characters. */
  text: string;
  /** Every Set-Cookie header of the answer. */
  setCookies: string[];
  /** What went wrong inside the app ("the handler threw …"), as the kit's error handling saw it. */
  handlerError: string | null;
}

/** Why a request got no answer: the check fails with this, and the grader looks at the app. */
export class NoAnswer extends Error {
  constructor(
    readonly reason: 'timeout' | 'unreachable',
    message: string,
  ) {
    super(message);
  }
}

/** Larger answers are cut: a learner's app may send gigabytes. */
const bodyLimit = 65_536;

/** superagent hands a parser the raw response, whatever its types say. */
type Parser = (res: request.Response, callback: (error: Error | null, body: string) => void) => void;

/** What every request shares: where the app is and how long it may take. */
export interface Connection {
  baseUrl: string;
  timeoutMs: number;
  transcript: Exchange[];
  /** How far the app's clock was moved forward; browsers expire cookies on that clock. */
  clockOffsetMs: number;
}

function readLimited(res: IncomingMessage, callback: (error: Error | null, body: string) => void): void {
  let text = '';
  let done = false;
  res.setEncoding('utf8');
  res.on('data', (chunk: string) => {
    if (done) return;
    text += chunk;
    if (text.length > bodyLimit) {
      done = true;
      res.destroy();
      callback(null, `${text.slice(0, bodyLimit)}… (cut at 64 KiB)`);
    }
  });
  res.on('end', () => {
    if (!done) callback(null, text);
  });
  res.on('error', (error) => {
    if (!done) callback(error, text);
  });
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

  get(path: string): Promise<Exchange> {
    return this.send('GET', path, null);
  }

  /** Posts form fields, as an HTML form would (`json: true` sends them as JSON instead). */
  post(path: string, fields: Record<string, string> = {}, options: { json?: boolean } = {}): Promise<Exchange> {
    return this.send('POST', path, fields, options.json ?? false);
  }

  private async send(
    method: 'GET' | 'POST',
    path: string,
    fields: Record<string, string> | null,
    json = false,
  ): Promise<Exchange> {
    const { baseUrl, timeoutMs, transcript } = this.connection;
    this.forgetExpired();
    const cookie = [...this.cookies].map(([name, { value }]) => `${name}=${value}`).join('; ') || null;
    let test = method === 'GET' ? request(baseUrl).get(path) : request(baseUrl).post(path);
    test = test.timeout({ response: timeoutMs, deadline: timeoutMs }).redirects(0).buffer(true).parse(readLimited as unknown as Parser);
    if (cookie) test = test.set('Cookie', cookie);
    if (fields) test = json ? test.send(fields) : test.type('form').send(fields);
    let response: request.Response;
    try {
      response = await test.ok(() => true);
    } catch (error) {
      const failure = error as { timeout?: number; code?: string };
      if (failure.timeout !== undefined) {
        throw new NoAnswer('timeout', `${method} ${path} got no answer within ${timeoutMs / 1000} s`);
      }
      throw new NoAnswer('unreachable', `${method} ${path} could not reach the app (${failure.code ?? 'closed'})`);
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
      cookie,
      status: response.status,
      text: typeof response.body === 'string' ? response.body : response.text,
      setCookies,
      handlerError: (response.headers['x-kit-error'] as string | undefined) ?? null,
    };
    transcript.push(exchange);
    return exchange;
  }
}
