/**
 * What the grader itself saw while a check failed, and the questions a known mistake asks of it to
 * be named: its answers, its cookies, what the app wrote to the store, and when the store's replies
 * left against when the answers came. A pattern of failed checks alone fits any bug that breaks
 * the same checks; a mistake is named only when its own signs are in what was seen.
 */
import type { StoreEvent } from '../sandbox/store-events.js';
import { clearsCookie, decodeCookie, sessionIdOf } from './cookies.js';
import type { Exchange } from './exchange.js';
import { sessionCookieName } from './visitor.js';

/** What one failed check saw. */
export interface Seen {
  check: string;
  exchanges: readonly Exchange[];
  /** The store operations asked while it ran, with the grader's reply times. */
  store: readonly StoreEvent[];
  /** What the check's own code noted of the app (`CheckContext.note`). */
  notes: readonly string[];
}

/** A request as a sign names it: `'POST /login'`, or a method alone. */
export type RequestName = `${'GET' | 'POST'}${'' | ` /${string}`}`;

function isRequest(exchange: Exchange, name: RequestName | undefined): boolean {
  if (name === undefined) return true;
  const [method, path] = name.split(' ');
  return exchange.method === method && (path === undefined || exchange.path === path);
}

/** The values a request sent: its fields. */
function sent(exchange: Exchange): string[] {
  return Object.values(exchange.fields ?? {});
}

/** The session a Set-Cookie gives, or null when it clears the cookie or is not the session's. */
function sessionGiven(header: string): string | null {
  if (!header.startsWith(`${sessionCookieName}=`)) return null;
  if (clearsCookie(header)) return null;
  return sessionIdOf(header.slice(sessionCookieName.length + 1).split(';')[0] ?? '');
}

/** Records read so far, by their text: every mistake's evidence asks of the same few records. */
const readRecords = new Map<string, Record<string, unknown> | null>();

/** The learner's data of a stored record (without express-session's `cookie`), or null when unreadable. */
function dataOf(record: string | null): Record<string, unknown> | null {
  if (record === null) return null;
  const known = readRecords.get(record);
  if (known !== undefined) return known;
  let data: Record<string, unknown> | null = null;
  try {
    const value: unknown = JSON.parse(record);
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      const { cookie: _cookie, ...rest } = value as Record<string, unknown>;
      data = rest;
    }
  } catch {
    data = null;
  }
  if (readRecords.size >= 1000) readRecords.clear();
  readRecords.set(record, data);
  return data;
}

/** How many values, and how deep, evidence reads of one record: any session an exercise keeps is far smaller. */
const valuesLimit = 2000;
const depthLimit = 16;

/**
 * The values in `data`, in order, each with the key that holds it, down to `depthLimit` and at most
 * `valuesLimit` of them: a record nested deep on purpose costs no more than that.
 */
function valuesOf(data: unknown): [key: string, value: unknown][] {
  const values: [string, unknown][] = [];
  const stack: [string, unknown, number][] = [['', data, 0]];
  while (stack.length > 0 && values.length < valuesLimit) {
    const [key, value, depth] = stack.pop() as [string, unknown, number];
    values.push([key, value]);
    if (depth >= depthLimit || typeof value !== 'object' || value === null) continue;
    const children: [string, unknown][] = Array.isArray(value) ? value.map((item) => [key, item]) : Object.entries(value);
    for (let index = children.length - 1; index >= 0; index--) stack.push([...(children[index] as [string, unknown]), depth + 1]);
  }
  return values;
}

/**
 * What the app's own cookies (not express-session's) held in an exchange: those its request sent
 * back and those its answer set, each value decoded, and for a JSON value (express writes an object
 * as `j:` and JSON) each string and number in it.
 */
function ownCookieValues(exchange: Exchange): string[] {
  const pairs = [...(exchange.cookie ?? '').split(/;\s*/), ...exchange.setCookies.map((header) => header.split(';')[0] ?? '')];
  return pairs.flatMap((pair) => {
    const at = pair.indexOf('=');
    if (at <= 0 || pair.slice(0, at).trim() === sessionCookieName) return [];
    const value = decodeCookie(pair.slice(at + 1));
    try {
      const parsed: unknown = JSON.parse(value.startsWith('j:') ? value.slice(2) : value);
      return [...valuesOf(parsed)].flatMap(([, inner]) => (typeof inner === 'string' || typeof inner === 'number' ? [String(inner)] : []));
    } catch {
      return [value];
    }
  }).filter((value) => value.trim() !== '');
}

/** `text` shows `value` whole: not as a part of a longer word, number or path (`1` is not in `11`, `/pages/home` not in `/pages/homepage`). */
function showsWhole(text: string, value: string): boolean {
  let at = text.indexOf(value);
  while (at !== -1) {
    const before = text[at - 1] ?? ' ';
    const after = text[at + value.length] ?? ' ';
    if (!/[\w/-]/.test(before) && !/[\w/-]/.test(after)) return true;
    at = text.indexOf(value, at + 1);
  }
  return false;
}

/**
 * Whether two paths are one route: the same path, or, for a path of two parts or more, the same
 * but for the last part, which a route parameter takes (`/pages/home` and `/pages/about`).
 */
function sameRoute(a: string, b: string): boolean {
  if (a === b) return true;
  const [aParts, bParts] = [a.split('/'), b.split('/')];
  return aParts.length >= 3 && aParts.length === bParts.length && aParts.slice(0, -1).join('/') === bParts.slice(0, -1).join('/');
}

/**
 * Whether `exchange` was answered before the grader replied to an `op` the app asked of the store
 * while answering it (`during`: the operations from its sending to the next request). The grader
 * holds the reply to a destroy a moment (`destroyReplyDelayMs`), so an app that waits for the
 * callback of `destroy` or `regenerate` can never show this, whatever the machine's load: its
 * answer is written only after the reply reached it.
 */
export function answeredBeforeReply(exchange: Exchange, during: readonly StoreEvent[], op: StoreEvent['op']): boolean {
  return during.some((event) => event.op === op && (event.repliedAt === null || event.repliedAt > exchange.answeredAt));
}

/** The session ID a request's cookie carried, or null when it brought none (or none signed). */
function sessionSent(exchange: Exchange): string | null {
  return sessionIdOf(new RegExp(`(?:^|;\\s*)${sessionCookieName.replace('.', '\\.')}=([^;]*)`).exec(exchange.cookie ?? '')?.[1]);
}

/**
 * The app's clock when it answered `exchange`, in ms since 1970: from a record it wrote for the
 * session (`written`), whose cookie keeps its end and the lifetime counted to it, or the grader's
 * clock at the answer when no record tells.
 */
function appClockAt(exchange: Exchange, written: readonly StoreEvent[]): number {
  for (const event of written) {
    try {
      const { cookie } = JSON.parse(event.record ?? 'null') as { cookie?: { expires?: unknown; originalMaxAge?: unknown } };
      const expires = typeof cookie?.expires === 'string' ? Date.parse(cookie.expires) : NaN;
      if (Number.isFinite(expires) && typeof cookie?.originalMaxAge === 'number') return expires - cookie.originalMaxAge;
    } catch {
      // Not a record of express-session's: the grader's clock tells.
    }
  }
  return performance.timeOrigin + exchange.answeredAt;
}

/**
 * The store operations asked while `exchange` was answered: from when it was sent until the next
 * request of its check (`exchanges`), of the operations that check saw (`store`).
 */
export function storeDuring(exchange: Exchange, exchanges: readonly Exchange[], store: readonly StoreEvent[]): StoreEvent[] {
  const later = exchanges.find((other) => other.sentAt > exchange.sentAt);
  const until = later?.sentAt ?? Infinity;
  return store.filter((event) => event.at >= exchange.sentAt && event.at < until);
}

export class Evidence {
  /**
   * `seen` is what the failed checks saw, where a mistake's signs are looked for; `everything`
   * adds the passed checks', for what an answer means (the answer a new visitor gets).
   */
  constructor(
    private readonly seen: readonly Seen[],
    private readonly everything: readonly Seen[] = seen,
  ) {}

  /** The answers a request got from a new visitor (no cookie), in any check: what the app shows when nothing is stored. */
  private freshAnswers(exchange: Exchange): Set<string> {
    const fresh = this.everything.flatMap((check) => check.exchanges).filter((other) => other.cookie === null && other.method === exchange.method && other.path === exchange.path && other.fields === null);
    return new Set(fresh.map((other) => other.text));
  }

  /** Every request and answer of the failed checks. */
  get exchanges(): Exchange[] {
    return this.seen.flatMap((check) => check.exchanges);
  }

  /** The store operations asked during `exchange` (see `storeDuring`). */
  private storeDuring(check: Seen, exchange: Exchange): StoreEvent[] {
    return storeDuring(exchange, check.exchanges, check.store);
  }

  /**
   * An answer (to `request`, when named) matches `pattern`, and what matched is not something its
   * request sent: an app echoing a field is not showing its own value.
   */
  answered(pattern: RegExp, request?: RequestName): boolean {
    return this.exchanges.some((exchange) => {
      if (!isRequest(exchange, request)) return false;
      const match = pattern.exec(exchange.text)?.[0];
      return match !== undefined && !sent(exchange).some((value) => value !== '' && value.includes(match));
    });
  }

  /** The answer to a request that brought no cookie at all (a new visitor) matches `pattern`. */
  answeredNewVisitor(pattern: RegExp, request?: RequestName): boolean {
    return this.exchanges.some((exchange) => exchange.cookie === null && isRequest(exchange, request) && pattern.test(exchange.text));
  }

  /** A handler threw (or the kit's error handling caught) an error whose text matches. */
  threw(text: string | RegExp, request?: RequestName): boolean {
    return this.exchanges.some((exchange) => {
      const error = exchange.handlerError;
      if (error === null || !isRequest(exchange, request)) return false;
      return typeof text === 'string' ? error.includes(text) : text.test(error);
    });
  }

  /**
   * `request` threw for a visitor who had made `earlier` with success before it, in the same check:
   * it fails for everyone, not only for a visitor without what `earlier` gives (a guest's logout).
   */
  threwAfter(request: RequestName, earlier: RequestName): boolean {
    return this.seen.some((check) =>
      check.exchanges.some(
        (exchange, index) =>
          exchange.handlerError !== null &&
          isRequest(exchange, request) &&
          check.exchanges.slice(0, index).some((before) => before.visitor === exchange.visitor && isRequest(before, earlier) && before.status < 300),
      ),
    );
  }

  /** An answer set a cookie of the app's own, beside or instead of express-session's. */
  cookieOfItsOwn(request?: RequestName): boolean {
    return this.exchanges.some((exchange) => isRequest(exchange, request) && exchange.setCookies.some((header) => !header.startsWith(`${sessionCookieName}=`)));
  }

  /** An answer cleared the browser's session cookie (or asked it to expire now). */
  clearedSessionCookie(request?: RequestName): boolean {
    return this.exchanges.some(
      (exchange) =>
        isRequest(exchange, request) &&
        exchange.setCookies.some((header) => header.startsWith(`${sessionCookieName}=`) && sessionGiven(header) === null),
    );
  }

  /** An answer gave a session cookie to a request that sent none: a session was started. */
  startedSession(request?: RequestName): boolean {
    return this.exchanges.some((exchange) => exchange.cookie === null && isRequest(exchange, request) && exchange.setCookies.some((header) => sessionGiven(header) !== null));
  }

  /**
   * A request that brought a session cookie got the cookie of another session: the session was
   * regenerated or replaced while answering it.
   */
  newSession(request?: RequestName): boolean {
    return this.exchanges.some((exchange) => {
      if (!isRequest(exchange, request) || exchange.cookie === null) return false;
      const before = sessionIdOf(/(?:^|;\s*)connect\.sid=([^;]*)/.exec(exchange.cookie)?.[1]);
      return before !== null && exchange.setCookies.some((header) => {
        const after = sessionGiven(header);
        return after !== null && after !== before;
      });
    });
  }

  /** While answering `request`, the app asked the store to `op` (`destroy`, `clear`, `set` …). */
  asked(op: StoreEvent['op'], request?: RequestName): boolean {
    return this.seen.some((check) => check.exchanges.some((exchange) => isRequest(exchange, request) && this.storeDuring(check, exchange).some((event) => event.op === op)));
  }

  /**
   * The answer to a request came before the store's reply to an `op` asked while answering it
   * left the grader: the app answered without waiting for the callback (of `destroy`, or of
   * `regenerate`, which destroys first). See `answeredBeforeReply`.
   */
  answeredBeforeStore(op: StoreEvent['op'], request?: RequestName): boolean {
    return this.seen.some((check) => check.exchanges.some((exchange) => isRequest(exchange, request) && answeredBeforeReply(exchange, this.storeDuring(check, exchange), op)));
  }

  /**
   * A record the app wrote to the store (while answering `request`, when named) holds a value of
   * the learner's data for which `test` holds; `test` gets the value and the key holding it.
   */
  stored(test: (value: unknown, key: string) => boolean, request?: RequestName): boolean {
    return this.storedWhileAnswering((value, key) => test(value, key), request);
  }

  /**
   * While answering `request`, the app wrote to a session it had just destroyed (an old session
   * object put back after `regenerate`): the write lands under the old ID.
   */
  storedUnderDestroyedSession(request?: RequestName): boolean {
    return this.seen.some((check) =>
      check.exchanges.some((exchange) => {
        if (!isRequest(exchange, request)) return false;
        const during = this.storeDuring(check, exchange);
        return during.some((event, index) => event.op === 'set' && during.slice(0, index).some((earlier) => earlier.op === 'destroy' && earlier.sid === event.sid));
      }),
    );
  }

  /** A request whose fields held only spaces had such a value written to the store. */
  storedBlank(request?: RequestName): boolean {
    return this.seen.some((check) =>
      check.exchanges.some((exchange) => {
        const blanks = sent(exchange).filter((value) => value !== '' && value.trim() === '');
        if (blanks.length === 0 || !isRequest(exchange, request)) return false;
        return this.storeDuring(check, exchange).some((event) => {
          const data = event.op === 'set' ? dataOf(event.record) : null;
          return data !== null && [...valuesOf(data)].some(([, value]) => typeof value === 'string' && blanks.includes(value));
        });
      }),
    );
  }

  /** A request that sent a non-blank value for `field` was refused (4xx): the app read it from elsewhere. */
  refusedWhatWasSent(field: string, request?: RequestName): boolean {
    return this.exchanges.some((exchange) => isRequest(exchange, request) && (exchange.fields?.[field] ?? '').trim() !== '' && exchange.status >= 400 && exchange.status < 500);
  }

  /** A request (`request`, when named) was answered with a success and wrote nothing to the store. */
  answeredWithoutStoring(request?: RequestName): boolean {
    return this.seen.some((check) =>
      check.exchanges.some(
        (exchange) =>
          isRequest(exchange, request) && exchange.status < 300 && !this.storeDuring(check, exchange).some((event) => event.op === 'set'),
      ),
    );
  }

  /**
   * A value a visitor sent was written to the store, and the next answer to that visitor was the
   * one a new visitor gets, as if nothing were stored: the app stores under one key and reads
   * another (a typo). Values shorter than three characters prove nothing.
   */
  storedButNotShown(request?: RequestName): boolean {
    return this.seen.some((check) =>
      check.exchanges.some((exchange, index) => {
        const values = sent(exchange).filter((value) => value.trim().length >= 3);
        const stored = this.storeDuring(check, exchange).some((event) => event.op === 'set' && values.some((value) => event.record?.includes(JSON.stringify(value)) === true));
        if (!stored) return false;
        const next = check.exchanges.slice(index + 1).find((other) => other.visitor === exchange.visitor);
        return next !== undefined && next.fields === null && isRequest(next, request) && next.status < 300 && this.freshAnswers(next).has(next.text);
      }),
    );
  }

  /**
   * An answer to one visitor showed a value that another visitor sent and this one never did: the
   * app keeps it in one place for everyone. Values shorter than three characters prove nothing.
   */
  showedAnotherVisitorsValue(): boolean {
    // A visitor is a browser of one check: two checks' "visitor 1" are two browsers.
    const all = this.seen.flatMap((check) => check.exchanges.map((exchange) => ({ browser: `${check.check} ${exchange.visitor}`, exchange })));
    const sentBy = new Map<string, Set<string>>();
    for (const { browser, exchange } of all) {
      for (const value of sent(exchange)) if (value.trim().length >= 3) sentBy.set(value, (sentBy.get(value) ?? new Set()).add(browser));
    }
    return all.some(({ browser, exchange }) => [...sentBy].some(([value, browsers]) => !browsers.has(browser) && exchange.text.includes(value)));
  }

  /**
   * A value a visitor sent once (three characters or more) was shown by two answers to that
   * visitor (to `request`, when named), with no request of theirs sending it again in between: what
   * should be shown once stayed where it was read. An answer to the request that sent it does not
   * count (an echo).
   */
  shownAgain(request?: RequestName): boolean {
    return this.seen.some((check) => {
      // For each visitor, how many answers showed each value since the visitor last sent it.
      const shown = new Map<string, Map<string, number>>();
      return check.exchanges.some((exchange) => {
        const counts = shown.get(exchange.visitor) ?? new Map<string, number>();
        shown.set(exchange.visitor, counts);
        const values = sent(exchange).filter((value) => value.trim().length >= 3);
        for (const value of values) counts.set(value, 0);
        if (!isRequest(exchange, request)) return false;
        return [...counts].some(([value, count]) => {
          if (values.includes(value) || !exchange.text.includes(value)) return false;
          counts.set(value, count + 1);
          return count + 1 >= 2;
        });
      });
    });
  }

  /**
   * While answering `request`, the app wrote a session again without a key (at any depth) that the
   * record written before for that session, in the same check, held: a key deleted while the
   * session itself was kept. A key set to null or '' is still there; a destroyed session writes
   * nothing.
   */
  removedKey(request?: RequestName): boolean {
    const paths = (data: unknown, prefix = '', depth = 0): string[] =>
      typeof data === 'object' && data !== null && !Array.isArray(data) && depth < depthLimit
        ? Object.entries(data).flatMap(([key, value]) => [`${prefix}/${key}`, ...paths(value, `${prefix}/${key}`, depth + 1)])
        : [];
    return this.seen.some((check) =>
      check.exchanges.some(
        (exchange) =>
          isRequest(exchange, request) &&
          this.storeDuring(check, exchange).some((event) => {
            const data = event.op === 'set' ? dataOf(event.record) : null;
            const previous = check.store.filter((earlier) => earlier.op === 'set' && earlier.sid === event.sid && earlier.at < event.at).at(-1);
            const before = dataOf(previous?.record ?? null);
            if (data === null || before === null) return false;
            const now = new Set(paths(data));
            return paths(before).some((path) => !now.has(path));
          }),
      ),
    );
  }

  /**
   * An answer (to `request`, when named) cleared a cookie that is not the session's (an Expires in
   * the past, or Max-Age=0): the session cookie meant, under another name. Setting a cookie of its
   * own is `cookieOfItsOwn`'s.
   */
  clearedCookieOfItsOwn(request?: RequestName): boolean {
    return this.exchanges.some(
      (exchange) =>
        isRequest(exchange, request) &&
        exchange.setCookies.some((header) => !header.startsWith(`${sessionCookieName}=`) && clearsCookie(header)),
    );
  }

  /**
   * An answer (to `request`, when named) set a cookie of the app's own holding a value its request
   * sent (three characters or more): the data itself handed to the browser. Stricter than
   * `cookieOfItsOwn`, which a session ID of the app's own making shows too, and seen at the request
   * that stores, where `showedOwnCookie` needs an answer that shows the cookie's value again.
   */
  cookieOfItsOwnHoldingWhatWasSent(request?: RequestName): boolean {
    return this.exchanges.some((exchange) => {
      const values = sent(exchange).filter((value) => value.trim().length >= 3);
      if (values.length === 0 || !isRequest(exchange, request)) return false;
      return ownCookieValues({ ...exchange, cookie: null }).some((held) => values.some((value) => held.includes(value)));
    });
  }

  /**
   * While answering a request that brought a session cookie (to `request`, when named), the app
   * asked the store to destroy that very session. Stricter than `asked('destroy')`, which a destroy
   * under another ID (the cookie's raw signed value, another visitor's session) shows too.
   */
  destroyedSentSession(request?: RequestName): boolean {
    return this.seen.some((check) =>
      check.exchanges.some((exchange) => {
        const sid = sessionSent(exchange);
        return sid !== null && isRequest(exchange, request) && this.storeDuring(check, exchange).some((event) => event.op === 'destroy' && event.sid === sid);
      }),
    );
  }

  /**
   * A request that brought a session cookie (to `request`, when named) got the cookie of another
   * session, and a record written for that new session while answering holds a value of the
   * learner's data for which `test` holds (as in `stored`): what was carried over into the new
   * session. `newSession` alone holds for a new session left empty too.
   */
  storedInNewSession(test: (value: unknown, key: string) => boolean, request?: RequestName): boolean {
    return this.seen.some((check) =>
      check.exchanges.some((exchange) => {
        const before = sessionSent(exchange);
        if (before === null || !isRequest(exchange, request)) return false;
        const given = new Set(exchange.setCookies.map(sessionGiven).filter((sid): sid is string => sid !== null && sid !== before));
        return this.storeDuring(check, exchange).some((event) => {
          const data = event.op === 'set' && event.sid !== null && given.has(event.sid) ? dataOf(event.record) : null;
          return data !== null && [...valuesOf(data)].some(([key, value]) => key !== '' && test(value, key));
        });
      }),
    );
  }

  /**
   * An answer showed what a cookie of the app's own held (one the answer set, or one its request
   * brought back), and not as an echo of a field the request sent: the data itself travels in the
   * browser. Stricter than `cookieOfItsOwn`, which a session ID of the app's own making shows too.
   */
  showedOwnCookie(request?: RequestName): boolean {
    return this.exchanges.some((exchange) => isRequest(exchange, request) && ownCookieValues(exchange).some((value) => showsWhole(exchange.text, value) && !sent(exchange).includes(value)));
  }

  /**
   * A request wrote the visitor's data to the store, and the visitor's next request, bringing its
   * cookie, got the answer a new visitor gets to that route, as if nothing were stored: the app
   * writes one key and reads another (a typo). Unlike `storedButNotShown`, the data need not be a
   * value the visitor sent (a count, the page requested). A new visitor's answer counts for the
   * route: the same path, or one differing only in a route parameter (see `sameRoute`).
   */
  answeredAsNewAfterStoring(request?: RequestName): boolean {
    return this.seen.some((check) =>
      check.exchanges.some((exchange, index) => {
        const wrote = this.storeDuring(check, exchange).some((event) => {
          const data = event.op === 'set' ? dataOf(event.record) : null;
          return data !== null && Object.keys(data).length > 0;
        });
        if (!wrote) return false;
        const next = check.exchanges.slice(index + 1).find((other) => other.visitor === exchange.visitor);
        if (next === undefined || next.cookie === null || next.fields !== null || !isRequest(next, request) || next.status >= 300) return false;
        const fresh = this.everything.flatMap((other) => other.exchanges).filter((other) => other.cookie === null && other.method === next.method && other.fields === null && sameRoute(other.path, next.path));
        return fresh.some((other) => other.text === next.text);
      }),
    );
  }

  /**
   * An answer to one visitor showed the path of a page that another visitor requested and this one
   * never did: the app keeps the page a request asked for in one place for everyone. The paths
   * counterpart of `showedAnotherVisitorsValue`, for data that comes from the URL, not from fields.
   */
  showedAnotherVisitorsPath(): boolean {
    // A visitor is a browser of one check: two checks' "visitor 1" are two browsers.
    const all = this.seen.flatMap((check) => check.exchanges.map((exchange) => ({ browser: `${check.check} ${exchange.visitor}`, exchange })));
    const requestedBy = new Map<string, Set<string>>();
    for (const { browser, exchange } of all) if (exchange.path.length >= 3) requestedBy.set(exchange.path, (requestedBy.get(exchange.path) ?? new Set()).add(browser));
    return all.some(({ browser, exchange }) => [...requestedBy].some(([path, browsers]) => !browsers.has(browser) && showsWhole(exchange.text, path)));
  }

  /**
   * An answer (to `request`, when named) showed the path of its own request, though the visitor's
   * request just before it was for another path, or there was none: the app showed the page asked
   * for now where one remembered from before belongs (it stored the new one before reading the old).
   */
  showedOwnPath(request?: RequestName): boolean {
    return this.seen.some((check) =>
      check.exchanges.some((exchange, index) => {
        if (!isRequest(exchange, request) || !showsWhole(exchange.text, exchange.path)) return false;
        const before = check.exchanges.slice(0, index).filter((other) => other.visitor === exchange.visitor).at(-1);
        return before === undefined || before.path !== exchange.path;
      }),
    );
  }

  /**
   * An answer showed the path of a page the visitor requested earlier, but neither the one it
   * requested just before nor its own: the app still holds an older page than the last one (it
   * stopped storing after the first).
   */
  showedStalePath(request?: RequestName): boolean {
    return this.seen.some((check) =>
      check.exchanges.some((exchange, index) => {
        if (!isRequest(exchange, request)) return false;
        const earlier = check.exchanges.slice(0, index).filter((other) => other.visitor === exchange.visitor);
        const last = earlier.at(-1);
        if (last === undefined) return false;
        return earlier.some((other) => other.path !== last.path && other.path !== exchange.path && showsWhole(exchange.text, other.path));
      }),
    );
  }

  /**
   * A request that was refused (4xx) had a value it sent written to the store while it was
   * answered (letter case aside): the app stored before it checked. Blank values are
   * `storedBlank`'s.
   */
  storedWhatWasRefused(request?: RequestName): boolean {
    return this.seen.some((check) =>
      check.exchanges.some((exchange) => {
        const values = sent(exchange).filter((value) => value.trim() !== '').map((value) => value.toLowerCase());
        if (values.length === 0 || exchange.status < 400 || exchange.status >= 500 || !isRequest(exchange, request)) return false;
        return this.storeDuring(check, exchange).some((event) => {
          const data = event.op === 'set' ? dataOf(event.record) : null;
          return data !== null && [...valuesOf(data)].some(([key, value]) => key !== '' && typeof value === 'string' && values.includes(value.toLowerCase()));
        });
      }),
    );
  }

  /**
   * While answering a request that brought a session cookie (to `request`, when named), the app
   * wrote a record under that same session ID: what it stored stayed on the session the visitor
   * already had. `newSession` reads the answer's cookie; this reads where the write landed, which
   * an app that puts an old session back can make differ from it.
   */
  storedUnderSentSession(request?: RequestName): boolean {
    return this.seen.some((check) =>
      check.exchanges.some((exchange) => {
        const before = sessionSent(exchange);
        return before !== null && isRequest(exchange, request) && this.storeDuring(check, exchange).some((event) => event.op === 'set' && event.sid === before);
      }),
    );
  }

  /**
   * A request that sent a non-blank `field` (to `request`, when named) was answered with a
   * success, and every record the app wrote while answering it lacks what was sent, in any letter
   * case and even as part of a longer text: the value was lost on its way to the store (set on a
   * session that was then thrown away, or never set), not stored in another form. Needs at least
   * one record written: an app that stores nothing is `answeredWithoutStoring`'s.
   */
  storedWithoutWhatWasSent(field: string, request?: RequestName): boolean {
    return this.seen.some((check) =>
      check.exchanges.some((exchange) => {
        const value = (exchange.fields?.[field] ?? '').trim().toLowerCase();
        if (value === '' || exchange.status >= 300 || !isRequest(exchange, request)) return false;
        const written = this.storeDuring(check, exchange).filter((event) => event.op === 'set');
        return (
          written.length > 0 &&
          written.every((event) => {
            const data = dataOf(event.record);
            return data !== null && !JSON.stringify(data).toLowerCase().includes(value);
          })
        );
      }),
    );
  }

  /**
   * An answer (to `request`, when named) gave the browser a session cookie for which `test` holds.
   * `test` gets the cookie's `expiresAt` (ms since 1970 on the app's clock; null for a
   * browser-session cookie, with neither Expires nor Max-Age) and its `lifetimeMs`, from the answer
   * to that end (negative for a date already past), and the exchange, to tell a request that asked
   * for a lifetime from one that did not. Max-Age gives the lifetime itself; an Expires date is
   * counted from the app's clock when it stored the session (its record's `cookie.expires` less
   * `cookie.originalMaxAge`, which express-session sets together), or, when the answer wrote no
   * record, from the grader's clock at the answer, which a check that moved the app's clock leaves
   * behind by that much. A cookie that clears the session (`clearedSessionCookie`) is not given.
   */
  gaveSessionCookie(test: (cookie: { expiresAt: number | null; lifetimeMs: number | null }, exchange: Exchange) => boolean, request?: RequestName): boolean {
    return this.seen.some((check) =>
      check.exchanges.some((exchange) => {
        if (!isRequest(exchange, request)) return false;
        return exchange.setCookies.some((header) => {
          const sid = sessionGiven(header);
          if (sid === null) return false;
          const attributes = header.split(';').slice(1).map((attribute) => attribute.trim());
          const maxAge = attributes.find((attribute) => /^max-age=/i.test(attribute));
          const expires = attributes.find((attribute) => /^expires=/i.test(attribute));
          const now = appClockAt(exchange, this.storeDuring(check, exchange).filter((event) => event.op === 'set' && event.sid === sid));
          if (maxAge !== undefined) {
            const lifetimeMs = Number(maxAge.slice('max-age='.length)) * 1000;
            return Number.isFinite(lifetimeMs) && test({ expiresAt: now + lifetimeMs, lifetimeMs }, exchange);
          }
          if (expires === undefined) return test({ expiresAt: null, lifetimeMs: null }, exchange);
          const expiresAt = Date.parse(expires.slice('expires='.length));
          return Number.isFinite(expiresAt) && test({ expiresAt, lifetimeMs: expiresAt - now }, exchange);
        });
      }),
    );
  }

  /**
   * A new visitor's answer (a request with no cookie at all), in any check, the passed ones too,
   * matched `pattern`: what the app shows when nothing is stored, to tell a mistake from another
   * that fails more checks (an emptied cart shown blank while a missing one shows "empty").
   */
  newVisitorShown(pattern: RegExp, request?: RequestName): boolean {
    return this.everything.some((check) => check.exchanges.some((exchange) => exchange.cookie === null && isRequest(exchange, request) && pattern.test(exchange.text)));
  }

  /**
   * A request that brought the cookie of a session the app had stored (earlier in its check) was
   * answered with a success and wrote nothing to the store: even a visitor whose session holds the
   * data had the change made elsewhere. `answeredWithoutStoring` holds for a new visitor too.
   */
  answeredWithoutStoringForSession(request?: RequestName): boolean {
    return this.seen.some((check) =>
      check.exchanges.some((exchange) => {
        if (!isRequest(exchange, request) || exchange.status >= 300 || exchange.cookie === null) return false;
        const sid = sessionIdOf(/(?:^|;\s*)connect\.sid=([^;]*)/.exec(exchange.cookie)?.[1]);
        if (sid === null || !check.store.some((event) => event.op === 'set' && event.sid === sid && event.at < exchange.sentAt)) return false;
        return !this.storeDuring(check, exchange).some((event) => event.op === 'set');
      }),
    );
  }

  /**
   * A request that was refused (4xx; to `request`, when named) had the app destroy a session while
   * answering it, and its answer gave a session cookie other than the one it brought (or one when
   * it brought none): the session was regenerated before the request was checked. A refusal that
   * only destroys, or only starts a session, does not show this.
   */
  renewedWhileRefusing(request?: RequestName): boolean {
    return this.seen.some((check) =>
      check.exchanges.some((exchange) => {
        if (!isRequest(exchange, request) || exchange.status < 400 || exchange.status >= 500) return false;
        if (!this.storeDuring(check, exchange).some((event) => event.op === 'destroy')) return false;
        const before = sessionSent(exchange);
        return exchange.setCookies.some((header) => {
          const after = sessionGiven(header);
          return after !== null && after !== before;
        });
      }),
    );
  }

  /**
   * `storedButNotShown`, where the record holding the value was written under the very session
   * the visitor's next request brings: the store held the value for that session, and the app still
   * answered as to a new visitor, so it reads another key than it wrote. An app that wrote the
   * value under another session (an old one put back, one thrown away) does not show this.
   */
  storedForItsSessionButNotShown(request?: RequestName): boolean {
    return this.seen.some((check) =>
      check.exchanges.some((exchange, index) => {
        const next = check.exchanges.slice(index + 1).find((other) => other.visitor === exchange.visitor);
        if (next === undefined || next.fields !== null || !isRequest(next, request) || next.status >= 300) return false;
        const sid = sessionSent(next);
        const values = sent(exchange).filter((value) => value.trim().length >= 3);
        const stored = this.storeDuring(check, exchange).some(
          (event) => event.op === 'set' && event.sid === sid && values.some((value) => event.record?.includes(JSON.stringify(value)) === true),
        );
        return sid !== null && stored && this.freshAnswers(next).has(next.text);
      }),
    );
  }

  /**
   * `stored`, with the exchange whose answering wrote the record: `test` gets the value, the key
   * holding it and the exchange (its fields, its status), to relate the value to what that request
   * sent (the id of the user it named) or to how it was answered (a refusal).
   */
  storedWhileAnswering(test: (value: unknown, key: string, exchange: Exchange) => boolean, request?: RequestName): boolean {
    return this.seen.some((check) =>
      check.exchanges.some(
        (exchange) =>
          isRequest(exchange, request) &&
          this.storeDuring(check, exchange).some((event) => {
            const data = event.op === 'set' ? dataOf(event.record) : null;
            return data !== null && [...valuesOf(data)].some(([key, value]) => key !== '' && test(value, key, exchange));
          }),
      ),
    );
  }

  /** A check noted this of the app (`CheckContext.note`). */
  noted(sign: string): boolean {
    return this.seen.some((check) => check.notes.includes(sign));
  }
}
