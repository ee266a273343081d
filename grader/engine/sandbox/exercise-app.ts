/**
 * An exercise's app: the learner's compiled view wired into the kit's Express app with real
 * express-session, whose store is the grader's (`remote-store.ts`). The sandbox host serves it on
 * the listening socket the grader handed it; nothing here knows about processes or channels.
 */
import Module from 'node:module';
import path from 'node:path';
import express, { type ErrorRequestHandler, type Request, type Response } from 'express';
import session from 'express-session';
import * as users from '../services/users.js';
import { kitHandlers } from './kit-handlers.js';
import type { HostModule } from './host-modules.js';
import { describeError, locateInText } from './locate.js';
import type { LoadFailureKind, LoadRequest, SourceLocation } from './protocol.js';

type Handler = (req: Request, res: Response) => unknown;

/**
 * The packages the host gives a view: the kit's own copies, bundled into the host. The sandbox
 * holds no node_modules: any other package a view imports is bundled into it by the grader
 * (`grading/compile.ts`); Node's built-in modules are there.
 */
const kitModules: Record<HostModule, unknown> = { 'session-kit/users': users, express, 'express-session': session };

/** What the kit's error handling tells the host of a request, beyond its answer. */
export interface AppWitness {
  /** The handler threw after its answer had begun: the answer cannot say so any more. */
  threwAfterAnswer(req: Request, message: string): void;
}

export type StartOutcome =
  | { ok: true; app: express.Express }
  | { ok: false; kind: LoadFailureKind; message: string; location: SourceLocation | null };

/**
 * The module of the view loaded last. Node keeps a module's source map only as long as the module
 * object lives; dropped after loading, a garbage collection would take the map with it, and the
 * lines of a handler's error would point into the compiled code instead of the learner's file.
 */
const keptAlive: { view: Module | null } = { view: null };

/** Runs the learner's view, bundled by the grader as a CommonJS module. */
function compileView(request: LoadRequest): Record<string, unknown> {
  type InternalModule = Module & {
    _compile(code: string, filename: string): void;
    paths: string[];
  };
  const view = new Module(request.filename) as InternalModule;
  view.filename = request.filename;
  view.paths = [];
  const ownRequire = view.require.bind(view);
  view.require = Object.assign((id: string) => (Object.hasOwn(kitModules, id) ? kitModules[id as HostModule] : ownRequire(id)), ownRequire);
  keptAlive.view = view;
  view._compile(request.code, request.filename);
  return view.exports as Record<string, unknown>;
}

function oneLine(text: string): string {
  // Header values must be single-line Latin-1.
  return text.replace(/[^\x20-\x7e]+/g, ' ').slice(0, 500);
}

type End = (this: Response, body?: string) => Response;
const rawEnds = new WeakMap<Response, End>();
/** The answers the handler ended, though one may still wait on the store before it goes out. */
const ended = new WeakSet<Response>();

/**
 * express-session serialises the session as the response ends; a value JSON cannot hold (a
 * BigInt, a circular object) throws there and leaves the response hanging. This answers 500 with
 * the reason instead, through the end express-session had wrapped.
 */
function answerUnsavableSessions(req: Request, res: Response, next: () => void): void {
  const sessionEnd = res.end;
  res.end = function end(this: Response, ...args: unknown[]) {
    ended.add(this);
    try {
      return (sessionEnd as (...all: unknown[]) => Response).apply(this, args);
    } catch (error) {
      // A plain object put in place of the session has none of its methods: say that, not what JSON holds.
      const replaced = typeof (req.session as { touch?: unknown } | undefined)?.touch !== 'function';
      const reason = replaced
        ? `the session could not be saved: req.session was replaced by an object of the app's own (${describeError(error)}); change its keys, or call req.session.regenerate() or destroy(), instead of assigning req.session`
        : `the session could not be saved (${describeError(error)}): store only what JSON can hold, like strings, numbers, arrays and plain objects`;
      if (!this.headersSent) {
        // The learner's body was measured for its own length: this answer is another.
        this.removeHeader('Content-Length');
        this.removeHeader('ETag');
        this.status(500).set('x-kit-error', oneLine(reason)).type('text/plain');
      }
      // Without a session, express-session's header hook no longer tries to serialise it.
      (req as { session?: unknown }).session = undefined;
      return (rawEnds.get(this) as End).call(this, 'Internal Server Error');
    }
  } as Response['end'];
  next();
}

function buildApp(request: LoadRequest, exports: Record<string, unknown>, store: session.Store, witness: AppWitness | null): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(express.urlencoded({ extended: false, limit: '16kb' }));
  app.use(express.json({ limit: '16kb' }));
  app.use((req, res, next) => {
    // Learners read fields from req.body without first checking that a body was sent.
    req.body ??= {};
    res.type('text/plain');
    rawEnds.set(res, res.end as End);
    next();
  });
  app.use(
    session({
      secret: request.secret,
      store,
      resave: false,
      saveUninitialized: false,
      cookie: { httpOnly: true, sameSite: 'lax' },
    }),
  );
  app.use(answerUnsavableSessions);
  for (const route of request.routes) {
    const [source, name] = route.handler.split(':') as ['view' | 'kit', string];
    // Own properties only: `constructor` or `toString` must not find Object's through the prototype.
    const handler = (source === 'view' ? (Object.hasOwn(exports, name) ? exports[name] : undefined) : Object.hasOwn(kitHandlers, name) ? kitHandlers[name] : undefined) as Handler;
    const method = route.method === 'GET' ? 'get' : 'post';
    app[method](route.path, (req: Request, res: Response) => handler(req, res));
  }
  const reportErrors: ErrorRequestHandler = (error: unknown, req, res, next) => {
    const location = error instanceof Error ? locateInText(error.stack ?? '', request.filename) : null;
    const where = location ? ` (${path.basename(location.file)}:${location.line})` : '';
    const reason = oneLine(`the handler threw ${describeError(error)}${where}`);
    if (!res.headersSent) {
      res.status(500).set('x-kit-error', reason).send('Internal Server Error');
      return;
    }
    // Too late for the answer to say so: the host tells the grader, against this request.
    witness?.threwAfterAnswer(req, reason);
    // An answer the handler ended goes out whole, and its connection stays open: Express would
    // close it, and the grader's next request on it would fail in this one's place.
    if (ended.has(res)) return;
    next(error);
  };
  app.use(reportErrors);
  return app;
}

/** How many single-letter edits turn `a` into `b`. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** The exported function the learner probably meant by `wanted` (a typo, another case), if any. */
function nearestExport(wanted: string, exports: Record<string, unknown>): string | null {
  const candidates = Object.keys(exports).filter((name) => typeof exports[name] === 'function' && name !== wanted);
  const close = candidates
    .map((name) => ({ name, distance: editDistance(name.toLowerCase(), wanted.toLowerCase()) }))
    .filter(({ distance }) => distance <= 2)
    .sort((a, b) => a.distance - b.distance);
  return close[0]?.name ?? null;
}

function missingExports(request: LoadRequest, exports: Record<string, unknown>): string[] {
  return request.routes
    .map((route) => route.handler.split(':'))
    .filter(([source, name]) => source === 'view' && !(Object.hasOwn(exports, name as string) && typeof exports[name as string] === 'function'))
    .map(([, name]) => name as string);
}

/** "(is `countVisits` meant to be `countVisit`?)" for the names that look like typos. */
function guesses(missing: string[], exports: Record<string, unknown>): string {
  const pairs = missing.flatMap((name) => {
    const near = nearestExport(name, exports);
    return near ? [`is \`${near}\` meant to be \`${name}\`?`] : [];
  });
  return pairs.length > 0 ? ` (${pairs.join(' ')})` : '';
}

/**
 * Compiles the view, checks its exports and builds its app on `store`; says why when it cannot.
 * `witness` hears of the failures no answer can carry any more.
 */
export function startExerciseApp(request: LoadRequest, store: session.Store, witness: AppWitness | null = null): StartOutcome {
  let exports: Record<string, unknown>;
  try {
    exports = compileView(request);
  } catch (error) {
    const stack = error instanceof Error ? (error.stack ?? '') : '';
    return {
      ok: false,
      kind: 'crashed',
      message: `view.ts threw while loading: ${describeError(error)}`,
      location: locateInText(stack, request.filename),
    };
  }
  const missing = missingExports(request, exports);
  if (missing.length > 0) {
    const names = missing.map((name) => `\`${name}\``).join(', ');
    return {
      ok: false,
      kind: 'missing-export',
      message: `view.ts does not export ${missing.length === 1 ? 'the function' : 'the functions'} ${names}${guesses(missing, exports)}`,
      location: null,
    };
  }
  return { ok: true, app: buildApp(request, exports, store, witness) };
}
