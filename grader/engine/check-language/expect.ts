/**
 * Assertions for checks. Each failure says, in a learner's words, what was expected and what the
 * app did instead; the report adds the requests that led there.
 */
import type { CheckContext, SessionRecord } from './context.js';
import { clearsCookie, decodeCookie, sessionIdOf } from './cookies.js';
import type { Exchange } from './exchange.js';
import { sessionCookieName, type Visitor } from './visitor.js';

export class CheckFailure extends Error {
  constructor(
    message: string,
    readonly expected: string | null = null,
    readonly actual: string | null = null,
  ) {
    super(message);
  }
}

/**
 * Text as sent or answered, in quotes, exactly: a trailing space or line break shows inside them
 * (`"Hello, "`), as every other character JSON escapes would. Cut after 200 characters.
 */
function quote(text: string): string {
  return JSON.stringify(text.length > 200 ? `${text.slice(0, 200)}…` : text);
}

/**
 * The fields a request sent, as the learner reads them: each value decoded and quoted
 * (`color="   "`, `username="alice" password="wonderland"`), and a JSON body as its JSON.
 */
export function describeFields(fields: Record<string, string>, json = false): string {
  if (json) return JSON.stringify(fields);
  const entries = Object.entries(fields);
  if (entries.length === 0) return '(no fields)';
  return entries.map(([name, value]) => `${name}=${quote(value)}`).join(' ');
}

/** What a visitor's stored session holds, as a failure shows it: its data without the cookie. */
export function storedData(record: SessionRecord | null): string {
  if (record === null) return 'no stored session for this visitor';
  return JSON.stringify(Object.fromEntries(Object.entries(record).filter(([key]) => key !== 'cookie')));
}

/** The answer as the report shows it: status and body, or the error the handler threw. */
export function describeAnswer(exchange: Exchange): string {
  if (exchange.handlerError) return `${exchange.status}, ${exchange.handlerError}`;
  return `${exchange.status} ${quote(exchange.text)}`;
}

function requestLine(exchange: Exchange): string {
  return `${exchange.method} ${exchange.path}`;
}

/**
 * The answer has this status and this body; returned for more checks. Trailing whitespace is
 * ignored (`res.send('Color saved\n')` is right too), so no answer fails on it alone; a failed
 * one is shown exactly, its trailing spaces inside the quotes.
 */
export function expectAnswer(exchange: Exchange, status: number, body: string): Exchange {
  if (exchange.status === status && exchange.text.trimEnd() === body.trimEnd()) return exchange;
  const expected = `${status} ${quote(body)}`;
  const actual = describeAnswer(exchange);
  const what =
    exchange.handlerError !== null
      ? `${requestLine(exchange)} failed: ${exchange.handlerError}`
      : exchange.status === 501
        ? `${requestLine(exchange)} still answers "Not implemented yet"`
        : `${requestLine(exchange)} answered ${actual}, expected ${expected}`;
  throw new CheckFailure(what, expected, actual);
}

/** The answer sets no cookie at all: nothing was stored. */
export function expectNoCookieSet(exchange: Exchange, why: string): void {
  if (exchange.setCookies.length === 0) return;
  throw new CheckFailure(
    `${requestLine(exchange)} set a cookie, but ${why}`,
    'no Set-Cookie header',
    exchange.setCookies.join(' | '),
  );
}

/**
 * The answer's only cookie is the signed session ID, and none of `secrets` can be read in it:
 * the data stays on the server. A session cookie the answer sets must name a session the
 * grader's store holds: a signature alone proves nothing, since the app holds the secret and can
 * sign a cookie of its own.
 */
export async function expectOnlySessionId(t: Pick<CheckContext, 'storedSessions'>, exchange: Exchange, secrets: string[]): Promise<void> {
  const others = exchange.setCookies.filter((header) => !header.startsWith(`${sessionCookieName}=`));
  if (others.length > 0) {
    throw new CheckFailure(
      `${requestLine(exchange)} set a cookie of its own: session data belongs in req.session, not in cookies`,
      `only the ${sessionCookieName} cookie`,
      others.join(' | '),
    );
  }
  for (const header of exchange.setCookies) {
    const value = decodeCookie(header.split(';')[0] ?? '');
    const leaked = secrets.find((secret) => value.includes(secret));
    if (leaked !== undefined) {
      throw new CheckFailure(
        `the session cookie holds the data itself (${quote(leaked)}): only the session ID belongs there`,
        `${sessionCookieName}=s:<session id>.<signature>`,
        value,
      );
    }
  }
  for (const header of exchange.setCookies.filter((cookie) => cookie.startsWith(`${sessionCookieName}=`))) {
    const value = header.slice(sessionCookieName.length + 1).split(';')[0] ?? '';
    // A cookie being cleared (empty, or expiring now) names no session.
    if (value === '' || clearsCookie(header)) continue;
    const id = sessionIdOf(value);
    if (id === null || !(await t.storedSessions()).has(id)) {
      throw new CheckFailure(
        'the session cookie names no session the store holds: let express-session set its cookie, and keep the data in req.session',
        `${sessionCookieName}=s:<the ID of a stored session>.<signature>`,
        decodeCookie(value),
      );
    }
  }
}

/**
 * Where in a stored session the learner keeps `wanted`, as a path of keys (`['color']`,
 * `['passport', 'user']`), or null; express-session's own `cookie` is not the learner's data.
 */
export function storedPath(record: unknown, wanted: unknown, top = true): string[] | null {
  if (typeof record !== 'object' || record === null) return null;
  for (const [key, value] of Object.entries(record)) {
    if (top && key === 'cookie') continue;
    if (value === wanted) return [key];
    const inner = storedPath(value, wanted, false);
    if (inner) return [key, ...inner];
  }
  return null;
}

/**
 * The stored session holds `wanted` somewhere in the learner's data (any key, any depth): the
 * data lives on the server, whatever the learner named it.
 */
export function expectStored(stored: Record<string, unknown> | null, wanted: unknown, what: string): void {
  const data = stored && Object.fromEntries(Object.entries(stored).filter(([key]) => key !== 'cookie'));
  if (storedPath(stored, wanted) !== null) return;
  throw new CheckFailure(
    `the session store does not hold ${what}: keep it in req.session`,
    `a stored session holding ${JSON.stringify(wanted)}`,
    stored === null ? 'no stored session for this visitor' : JSON.stringify(data),
  );
}

/**
 * The data the visitor just sent (`secret`) is kept on the server: the answer's only cookie is the
 * session ID (which names a stored session), and the visitor's stored session holds it.
 */
export async function expectKeptOnServer(
  t: Pick<CheckContext, 'storedSessions' | 'sessionOf'>,
  visitor: Visitor,
  exchange: Exchange,
  secret: string,
  what: string,
): Promise<void> {
  await expectOnlySessionId(t, exchange, [secret]);
  expectStored(await t.sessionOf(visitor), secret, what);
}

/** A condition of the check holds; otherwise the check fails with `message`. */
export function expectThat(condition: boolean, message: string, expected?: string, actual?: string): void {
  if (!condition) throw new CheckFailure(message, expected ?? null, actual ?? null);
}
