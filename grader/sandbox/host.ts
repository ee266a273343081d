/**
 * The sandbox host: a child process that runs learner code and nothing else.
 *
 * The grader starts it with Node's permission model (read-only access to `node_modules` and the
 * kit's build, no writes, no child processes, no workers) and a heap limit, then sends it one
 * exercise at a time. For each, the host starts the exercise's app (`exercise-app.ts`) and says on
 * which port it listens. The checks then reach the app over HTTP from the grader's own process.
 */
import { startExerciseApp, type RunningApp } from './exercise-app.js';
import type { GraderMessage, HostMessage, LoadRequest } from './protocol.js';

const kitRoot = process.argv[2] ?? process.cwd();
const apps = new Map<string, RunningApp>();

/**
 * The sandbox's clock: checks move it forward to expire sessions without waiting. Date.now and
 * `new Date()` both read it (express-session uses the one, learners' code often the other).
 */
const RealDate = Date;
const realNow = RealDate.now.bind(RealDate);
let clockOffsetMs = 0;
RealDate.now = () => realNow() + clockOffsetMs;
globalThis.Date = new Proxy(RealDate, {
  construct: (target, args: unknown[], newTarget) =>
    Reflect.construct(target, args.length === 0 ? [target.now()] : args, newTarget) as object,
  apply: (target) => new target(target.now()).toString(),
});

function send(message: HostMessage): void {
  process.send?.(message);
}

/**
 * Learner code may call process.kill: the permission model does not stop it from signalling the
 * grader itself, so only this process may be signalled. process.kill goes through process._kill,
 * which is replaced for good.
 */
function guardProcessKill(): void {
  type RawKill = (pid: number, signal: number) => number;
  const internals = process as unknown as { _kill: RawKill };
  const rawKill = internals._kill.bind(process);
  const guarded: RawKill = (pid, signal) => {
    if (pid !== process.pid) throw new Error('The sandbox does not allow signalling other processes.');
    return rawKill(pid, signal);
  };
  Object.defineProperty(process, '_kill', { value: guarded, writable: false, configurable: false });
}

async function load(request: LoadRequest): Promise<void> {
  clockOffsetMs = 0;
  const outcome = await startExerciseApp(request, kitRoot);
  if (!outcome.ok) {
    send({ type: 'load-failed', slug: request.slug, kind: outcome.kind, message: outcome.message, location: outcome.location });
    return;
  }
  apps.set(request.slug, outcome.app);
  send({ type: 'loaded', slug: request.slug, port: outcome.app.port });
}

function handle(message: GraderMessage): void {
  switch (message.type) {
    case 'load':
      void load(message);
      break;
    case 'store': {
      const running = apps.get(message.slug);
      if (!running) {
        send({ type: 'store', id: message.id, sessions: {} });
        break;
      }
      running.store.all((_error, sessions) => {
        send({ type: 'store', id: message.id, sessions: (sessions ?? {}) as Record<string, unknown> });
      });
      break;
    }
    case 'ping':
      send({ type: 'pong', id: message.id });
      break;
    case 'clock':
      clockOffsetMs += message.advanceMs;
      send({ type: 'pong', id: message.id });
      break;
    case 'unload': {
      const running = apps.get(message.slug);
      apps.delete(message.slug);
      running?.close();
      break;
    }
  }
}

process.setSourceMapsEnabled(true);
guardProcessKill();
// An orphaned host must not outlive the grader that started it.
process.on('disconnect', () => process.exit(0));
process.on('message', (message) => handle(message as GraderMessage));
send({ type: 'ready' });
