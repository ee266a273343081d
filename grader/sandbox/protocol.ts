/**
 * The messages between the grader and the sandbox host, over the child process's IPC channel.
 *
 * The host runs learner code, so anything it sends may be forged: the grader checks the shape of
 * every message (`parseHostMessage`) and trusts only what a check can verify over HTTP.
 */
import type { RouteInfo } from '../manifest.js';

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

export type GraderMessage =
  | LoadRequest
  | { type: 'store'; slug: string; id: number }
  | { type: 'ping'; id: number }
  /** Moves the host's clock forward (answered by a pong), to expire sessions without waiting. */
  | { type: 'clock'; id: number; advanceMs: number }
  | { type: 'unload'; slug: string };

/** Where in the learner's file something happened. */
export interface SourceLocation {
  file: string;
  line: number;
  column: number;
}

export type LoadFailureKind = 'missing-export' | 'crashed';

export type HostMessage =
  | { type: 'ready' }
  | { type: 'loaded'; slug: string; port: number }
  | {
      type: 'load-failed';
      slug: string;
      kind: LoadFailureKind;
      message: string;
      location: SourceLocation | null;
    }
  | { type: 'store'; id: number; sessions: Record<string, unknown> }
  | { type: 'pong'; id: number };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseLocation(value: unknown): SourceLocation | null {
  if (!isRecord(value)) return null;
  const { file, line, column } = value;
  if (typeof file !== 'string' || typeof line !== 'number' || typeof column !== 'number') return null;
  return { file, line, column };
}

/** The message if it has one of the shapes a host sends, otherwise null. */
export function parseHostMessage(value: unknown): HostMessage | null {
  if (!isRecord(value)) return null;
  switch (value.type) {
    case 'ready':
      return { type: 'ready' };
    case 'loaded':
      return typeof value.slug === 'string' && Number.isInteger(value.port)
        ? { type: 'loaded', slug: value.slug, port: value.port as number }
        : null;
    case 'load-failed':
      return typeof value.slug === 'string' &&
        (value.kind === 'missing-export' || value.kind === 'crashed') &&
        typeof value.message === 'string'
        ? {
            type: 'load-failed',
            slug: value.slug,
            kind: value.kind,
            message: value.message.slice(0, 2000),
            location: parseLocation(value.location),
          }
        : null;
    case 'store':
      return Number.isInteger(value.id) && isRecord(value.sessions)
        ? { type: 'store', id: value.id as number, sessions: value.sessions }
        : null;
    case 'pong':
      return Number.isInteger(value.id) ? { type: 'pong', id: value.id as number } : null;
    default:
      return null;
  }
}
