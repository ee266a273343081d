/**
 * The front server of `npm run serve`: the kit's own HTTP server on 127.0.0.1, between the browser
 * and the exercise's app in the sandbox host. Every request is passed on to the app as it came,
 * except under `/_kit`, which the kit answers itself: its page (`kit-page.ts`) and the requests
 * that page's forms send to the app for the learner.
 *
 * The learner's code stays in the sandbox; this process only relays bytes and reads the store.
 */
import { createHmac } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { clearsCookie, decodeCookie, sessionIdOf } from '../engine/check-language/cookies.js';
import { accessHeader } from '../engine/sandbox/protocol.js';
import type { ExerciseInfo, RouteInfo } from '../engine/course/manifest.js';
import { formatSeconds } from '../engine/sandbox/sandbox.js';
import { renderKitPage, type TriedRequest } from '../outputs/kit-page.js';
import type { SessionIdChange } from '../outputs/session-id-change.js';

/** The name express-session gives its cookie. */
const sessionCookieName = 'connect.sid';
/** Larger answers are cut on the kit's page (the app's own answers pass through whole). */
const bodyLimit = 65_536;
/** A form's fields are short; a larger body is refused. */
const formLimit = 16_384;
/** How many answers the page remembers, so that reloading it shows the same answer again. */
const triesKept = 20;

/** The sandboxed app, as the front server reaches it. */
export interface AppEndpoint {
  /** The port the app listens on, on 127.0.0.1; a reload of the view gives a new one. */
  port(): number;
  /** What every request to the app carries (see `accessHeader`); a reload gives a new one. */
  accessKey(): string;
  /** The app's session store: each record by session ID. */
  sessions(): Promise<Record<string, unknown>>;
  /** The secret the app signs its session cookies with. */
  secret: string;
}

export interface FrontServerOptions {
  exercise: ExerciseInfo;
  app: AppEndpoint;
  /** How long the app may take to answer one request. */
  requestTimeoutMs: number;
  /** Called with one line when the app's handler threw or gave no answer, for the terminal. */
  onAppTrouble(line: string): void;
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}

/** True when `value` is `s:<id>.<signature>` signed with `secret`, as express-session signs it. */
export function signedBy(value: string, secret: string): boolean {
  // The app sets the cookie: a malformed escape in it is no signature, not a failure of the page.
  const match = /^s:([^.]+)\.(.+)$/.exec(decodeCookie(value));
  if (!match) return false;
  const expected = createHmac('sha256', secret).update(match[1] as string).digest('base64').replace(/=+$/, '');
  return expected === match[2];
}

/** The ID of a session cookie signed with `secret`, or null. */
function signedIdOf(value: string | undefined, secret: string): string | null {
  return value === undefined || !signedBy(value, secret) ? null : sessionIdOf(value);
}

/**
 * The browser's session ID before a request (its Cookie header) and after the answer (its
 * Set-Cookie headers, the last session cookie winning, as in a browser), and whether the store
 * still holds the session of the ID before.
 */
async function sessionIdChange(cookieHeader: string | undefined, setCookies: string[], app: AppEndpoint): Promise<SessionIdChange> {
  const before = signedIdOf(cookieValue(cookieHeader, sessionCookieName), app.secret);
  const set = setCookies.filter((header) => header.startsWith(`${sessionCookieName}=`)).at(-1);
  const after = set === undefined ? before : clearsCookie(set) ? null : signedIdOf(cookieValue(set.split(';')[0], sessionCookieName), app.secret);
  const records = before === null ? {} : await app.sessions().catch(() => ({}));
  return { before, after, set: set !== undefined, beforeStored: before !== null && Object.hasOwn(records, before) };
}

function readBody(req: IncomingMessage, limit: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > limit ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Sends one request to the app as the browser would, with the browser's cookie. */
function sendToApp(
  app: AppEndpoint,
  request: { method: string; path: string; fields: Record<string, string> | null; cookie: string | undefined },
  timeoutMs: number,
): Promise<TriedRequest> {
  const body = request.fields ? new URLSearchParams(request.fields).toString() : null;
  const headers: http.OutgoingHttpHeaders = { [accessHeader]: app.accessKey() };
  if (request.cookie) headers.cookie = request.cookie;
  if (body !== null) {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    headers['content-length'] = Buffer.byteLength(body);
  }
  const tried = { method: request.method, path: request.path, fields: request.fields };
  return new Promise((resolve) => {
    const outgoing = http.request({ host: '127.0.0.1', port: app.port(), method: request.method, path: request.path, headers }, (answer) => {
      let text = '';
      answer.setEncoding('utf8');
      answer.on('data', (chunk: string) => {
        if (text.length < bodyLimit) text += chunk;
      });
      answer.on('end', () => {
        const setCookie = answer.headers['set-cookie'] ?? [];
        const appError = answer.headers['x-kit-error'];
        resolve({
          ...tried,
          status: answer.statusCode ?? null,
          body: text.length > bodyLimit ? `${text.slice(0, bodyLimit)}…` : text,
          setCookies: setCookie,
          appError: typeof appError === 'string' ? appError : null,
          sessionIds: null,
        });
      });
    });
    outgoing.setTimeout(timeoutMs, () => {
      outgoing.destroy();
      resolve({ ...tried, status: null, body: `no answer within ${formatSeconds(timeoutMs)}: does every path of the handler send an answer?`, setCookies: [], appError: null, sessionIds: null });
    });
    // After a timeout this comes too, and changes nothing: the promise is settled.
    outgoing.on('error', (error) => {
      resolve({ ...tried, status: null, body: `the app could not be reached (${error.message})`, setCookies: [], appError: null, sessionIds: null });
    });
    outgoing.end(body ?? undefined);
  });
}

function send(res: ServerResponse, status: number, type: string, body: string, headers: http.OutgoingHttpHeaders = {}): void {
  res.writeHead(status, {
    'content-type': `${type}; charset=utf-8`,
    'cache-control': 'no-store',
    // The page needs nothing from anywhere: no script, no image, no font, forms to itself only.
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    'x-content-type-options': 'nosniff',
    ...headers,
  });
  res.end(body);
}

/** The path of a route with each `:param` filled from the field of that name. */
function filledPath(route: RouteInfo, fields: Record<string, string>): string {
  return route.path.replace(/:(\w+)/g, (_match, name: string) => encodeURIComponent(fields[name] ?? ''));
}

function pathParams(route: RouteInfo): Set<string> {
  return new Set([...route.path.matchAll(/:(\w+)/g)].map((match) => match[1] as string));
}

/** The `Host` headers that name the front server itself: 127.0.0.1, localhost or [::1], with its port. */
function ownAddresses(server: http.Server): Set<string> {
  const port = (server.address() as AddressInfo | null)?.port;
  // A browser leaves out the port it need not name.
  return new Set(['127.0.0.1', 'localhost', '[::1]'].flatMap((name) => (port === 80 ? [name, `${name}:80`] : [`${name}:${port}`])));
}

/** Starts the front server on 127.0.0.1:`port` (0: any free port); rejects when it cannot listen. */
export function startFrontServer(options: FrontServerOptions, port: number): Promise<http.Server> {
  const { exercise, app } = options;
  const tries = new Map<number, TriedRequest>();
  let nextTry = 1;

  async function showPage(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const tried = tries.get(Number(url.searchParams.get('answer'))) ?? null;
    const sentCookie = req.headers.cookie ?? null;
    const cookie = cookieValue(req.headers.cookie, sessionCookieName);
    const sessionId = sessionIdOf(cookie);
    let records: Record<string, unknown> = {};
    let storeError: string | null = null;
    try {
      records = await app.sessions();
    } catch (error) {
      storeError = `The store could not be read: ${(error as Error).message}`;
    }
    const raw = sessionId === null ? undefined : records[sessionId];
    // MemoryStore keeps each record as JSON text.
    const record: unknown = raw === undefined ? null : typeof raw === 'string' ? JSON.parse(raw) : raw;
    const page = renderKitPage({
      exercise,
      sentCookie,
      tried,
      sessionId,
      signatureValid: cookie === undefined || sessionId === null ? null : signedBy(cookie, app.secret),
      record,
      storeSize: Object.keys(records).length,
      storeError,
    });
    send(res, 200, 'text/html', page);
  }

  /** A form or link of the page: the request goes to the app, then the browser comes back to the page. */
  async function tryRoute(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const route = exercise.routes[Number(url.searchParams.get('route') ?? 'none')];
    if (!route || req.method !== (route.method === 'GET' ? 'GET' : 'POST')) {
      send(res, 404, 'text/plain', 'No such route of this exercise: go back to /_kit.');
      return;
    }
    const body = route.method === 'POST' ? await readBody(req, formLimit) : url.searchParams.toString();
    if (body === null) {
      send(res, 413, 'text/plain', 'That form sent too much: keep the fields short.');
      return;
    }
    const given = Object.fromEntries([...new URLSearchParams(body)].filter(([name]) => route.method === 'POST' || name !== 'route'));
    const params = pathParams(route);
    const fields = Object.fromEntries(Object.entries(given).filter(([name]) => !params.has(name)));
    const tried = await sendToApp(
      app,
      { method: route.method, path: filledPath(route, given), fields: route.method === 'POST' ? fields : null, cookie: req.headers.cookie },
      options.requestTimeoutMs,
    );
    if (tried.status !== null) tried.sessionIds = await sessionIdChange(req.headers.cookie, tried.setCookies, app);
    if (tried.appError) options.onAppTrouble(`${tried.method} ${tried.path}: ${tried.appError}`);
    else if (tried.status === null) options.onAppTrouble(`${tried.method} ${tried.path}: ${tried.body}`);
    const id = nextTry++;
    tries.set(id, tried);
    tries.delete(id - triesKept);
    // The answer's cookies go to the browser with the redirect, so the page's own request carries them.
    res.writeHead(303, { location: `/_kit?answer=${id}#answer`, 'set-cookie': tried.setCookies, 'cache-control': 'no-store' });
    res.end();
  }

  /** Everything outside `/_kit`: passed on to the app and back, as it came. */
  function relay(req: IncomingMessage, res: ServerResponse): void {
    const headers = { ...req.headers, [accessHeader]: app.accessKey() };
    const outgoing = http.request({ host: '127.0.0.1', port: app.port(), method: req.method, path: req.url, headers }, (answer) => {
      const appError = answer.headers['x-kit-error'];
      if (typeof appError === 'string') options.onAppTrouble(`${req.method} ${req.url}: ${appError}`);
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    outgoing.setTimeout(options.requestTimeoutMs, () => {
      outgoing.destroy();
      const why = `no answer within ${formatSeconds(options.requestTimeoutMs)}: does every path of the handler send an answer?`;
      options.onAppTrouble(`${req.method} ${req.url}: ${why}`);
      if (!res.headersSent) send(res, 504, 'text/plain', `The app gave ${why}`);
      else res.destroy();
    });
    outgoing.on('error', (error) => {
      if (res.headersSent) {
        res.destroy();
      } else if (!res.writableEnded) {
        send(res, 502, 'text/plain', `The exercise's app could not be reached (${error.message}).`);
      }
    });
    req.pipe(outgoing);
  }

  const server = http.createServer((req, res) => {
    // A page of another site whose name it points at 127.0.0.1 (DNS rebinding) would send its own
    // name: only the kit's own address is answered, so no other site can read /_kit or the app.
    if (!ownAddresses(server).has((req.headers.host ?? '').toLowerCase())) {
      send(res, 421, 'text/plain', 'This server answers only requests to its own address (127.0.0.1, localhost).');
      return;
    }
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const answer = (): Promise<void> | void => {
      if (url.pathname === '/_kit' || url.pathname === '/_kit/') return req.method === 'GET' ? showPage(req, res, url) : send(res, 405, 'text/plain', 'The kit page only answers GET.');
      if (url.pathname === '/_kit/try') return tryRoute(req, res, url);
      if (url.pathname.startsWith('/_kit/')) return send(res, 404, 'text/plain', 'Nothing here: the kit page is /_kit.');
      return relay(req, res);
    };
    Promise.resolve()
      .then(answer)
      .catch((error: unknown) => {
        if (!res.headersSent) send(res, 500, 'text/plain', `The kit could not answer: ${(error as Error).message}`);
        else res.destroy();
      });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve(server);
    });
  });
}
