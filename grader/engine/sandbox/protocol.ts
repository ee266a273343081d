/**
 * The messages between the grader and a sandbox host, as frames on their private channel
 * (`channel.ts`).
 *
 * The host runs learner code, so anything it sends may be forged: the grader parses every message
 * strictly (`parseHostMessage`); a message of no known shape ends the host. What the checks
 * believe comes from HTTP answers and from the grader's own copy of the session store, which the
 * host reaches only through the store operations below.
 */
import type { RouteInfo } from '../course/manifest.js';

/** Ask the host to run one exercise's app with the learner's compiled view. */
export interface LoadRequest {
  type: 'load';
  slug: string;
  routes: RouteInfo[];
  /** The view compiled to CommonJS, with an inline source map back to `filename`. */
  code: string;
  /** The learner's `view.ts`, as stack traces and messages should name it. */
  filename: string;
  /** The secret that signs session cookies, new for every grading run. */
  secret: string;
}

/**
 * The header every request to a host's app carries, with the host's own access key: without the
 * operating system's seal, another learner's app could reach this one on 127.0.0.1, and its
 * sessions would then count against this learner.
 */
export const accessHeader = 'x-kit-access';

/**
 * The header that numbers each request the grader sends (its id, unique in the grader's process).
 * A failure that no answer can carry (the handler threw after answering, the app closed the
 * connection) is told by the host against that id, and the grader charges it to the check that
 * sent the request (`check-language/request-log.ts`).
 */
export const requestHeader = 'x-kit-request';

/**
 * What the host's express-session asks of the session store, which the grader keeps. Records
 * travel as the JSON text a MemoryStore would hold.
 */
export type StoreOp =
  | { op: 'get'; sid: string }
  | { op: 'set'; sid: string; record: string }
  | { op: 'touch'; sid: string; record: string }
  | { op: 'destroy'; sid: string }
  | { op: 'all' }
  | { op: 'clear' }
  | { op: 'length' };

export type StoreAnswer =
  | { ok: true; record?: string | null; records?: Record<string, string>; count?: number }
  | { ok: false; error: string };

export type GraderMessage =
  | (LoadRequest & { accessKey: string })
  | { type: 'ping'; id: number }
  /** Moves the host's clock forward (answered by a pong), to expire sessions without waiting. */
  | { type: 'clock'; id: number; advanceMs: number }
  | { type: 'unload'; slug: string }
  | { type: 'store-answer'; id: number; answer: StoreAnswer }
  /** Asks which of the requests `ask` reached the app, and what failed after an answer (answered by `requests`). */
  | { type: 'requests'; id: number; ask: number[] };

/** Where in the learner's file something happened. */
export interface SourceLocation {
  file: string;
  line: number;
  column: number;
}

export type LoadFailureKind = 'missing-export' | 'crashed';

/** What went wrong with a request after its answer began, as the host saw it (`sandbox/request-witness.ts`). */
export interface AfterAnswer {
  /** The grader's id of the request (`requestHeader`). */
  request: number;
  /** The handler threw once its answer had begun, or the app closed the request's connection. */
  what: 'threw' | 'closed';
  /** For `threw`: "the handler threw …", with the line of the view. */
  message: string;
}

/** How many ids the grader asks about at once, and how many failures after an answer the host keeps. */
export const requestsAsked = 16;
export const afterAnswersKept = 20;

export type HostMessage =
  | { type: 'ready' }
  | { type: 'loaded'; slug: string }
  | {
      type: 'load-failed';
      slug: string;
      kind: LoadFailureKind;
      message: string;
      location: SourceLocation | null;
    }
  | { type: 'pong'; id: number }
  | { type: 'store'; id: number; op: StoreOp }
  /** Of the requests asked about, those the app received; and every failure after an answer since the exercise loaded. */
  | { type: 'requests'; id: number; seen: number[]; after: AfterAnswer[] }
  /** The host's last word as it exits: the request it received last. */
  | { type: 'last-request'; request: number };

/** The longest session ID the store takes (express-session's are 32 characters). */
const maxSessionIdLength = 256;
/** The largest stored session, as JSON text: far above what any exercise stores. */
export const maxRecordBytes = 256 * 1024;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isId(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}

/**
 * Text from the host as the grader may show it: escape sequences and control characters gone,
 * on one line, cut to `limit` characters.
 */
export function cleanHostText(text: string, limit: number): string {
  const clean = text
    // Removing control characters is the point here.
    // eslint-disable-next-line no-control-regex
    .replace(/\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b[\]PX^_][^\x07\x1b]*(\x07|\x1b\\)?|\x1b./g, '')
    // eslint-disable-next-line no-control-regex
    .replace(/[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]+/g, ' ')
    .trim();
  return clean.length > limit ? `${clean.slice(0, limit)}…` : clean;
}

function parseLocation(value: unknown, filename: string | null): SourceLocation | null {
  if (!isRecord(value)) return null;
  const { line, column } = value;
  if (!isId(line) || !isId(column) || filename === null) return null;
  // The file is always the one the grader sent: the host names only a line in it.
  return { file: filename, line, column };
}

function parseIds(value: unknown, limit: number): number[] | null {
  return Array.isArray(value) && value.length <= limit && value.every(isId) ? (value as number[]) : null;
}

function parseAfterAnswers(value: unknown): AfterAnswer[] | null {
  if (!Array.isArray(value) || value.length > afterAnswersKept) return null;
  const parsed: AfterAnswer[] = [];
  for (const item of value) {
    if (!isRecord(item) || !isId(item.request) || (item.what !== 'threw' && item.what !== 'closed') || typeof item.message !== 'string') return null;
    parsed.push({ request: item.request, what: item.what, message: cleanHostText(item.message, 500) });
  }
  return parsed;
}

function parseStoreOp(value: unknown): StoreOp | null {
  if (!isRecord(value)) return null;
  const { op, sid, record } = value;
  const validSid = typeof sid === 'string' && sid.length > 0 && sid.length <= maxSessionIdLength;
  switch (op) {
    case 'get':
    case 'destroy':
      return validSid ? { op, sid } : null;
    case 'set':
    case 'touch':
      // The host's store sends nothing larger (`remote-store.ts`): a larger record is forged.
      return validSid && typeof record === 'string' && record.length <= maxRecordBytes ? { op, sid, record } : null;
    case 'all':
    case 'clear':
    case 'length':
      return { op };
    default:
      return null;
  }
}

/**
 * The message if it has one of the shapes a host sends, otherwise null. `filename` is the
 * learner file being loaded, the only file a location may name.
 */
export function parseHostMessage(value: unknown, filename: string | null = null): HostMessage | null {
  if (!isRecord(value)) return null;
  switch (value.type) {
    case 'ready':
      return { type: 'ready' };
    case 'loaded':
      return typeof value.slug === 'string' ? { type: 'loaded', slug: value.slug } : null;
    case 'load-failed':
      return typeof value.slug === 'string' &&
        (value.kind === 'missing-export' || value.kind === 'crashed') &&
        typeof value.message === 'string'
        ? {
            type: 'load-failed',
            slug: value.slug,
            kind: value.kind,
            message: cleanHostText(value.message, 500),
            location: parseLocation(value.location, filename),
          }
        : null;
    case 'pong':
      return isId(value.id) ? { type: 'pong', id: value.id } : null;
    case 'store': {
      const op = parseStoreOp(value.op);
      return isId(value.id) && op ? { type: 'store', id: value.id, op } : null;
    }
    case 'requests': {
      const seen = parseIds(value.seen, requestsAsked);
      const after = parseAfterAnswers(value.after);
      return isId(value.id) && seen && after ? { type: 'requests', id: value.id, seen, after } : null;
    }
    case 'last-request':
      return isId(value.request) ? { type: 'last-request', request: value.request } : null;
    default:
      return null;
  }
}
