/**
 * The benchmark's floor: exercise apps run inside the grader's own process, with no isolation at
 * all. Never used to grade anyone; it measures what the sandbox costs on top of bare HTTP.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AppHost } from '../../engine/grading/grade.js';
import { startExerciseApp } from '../../engine/sandbox/exercise-app.js';
import type { LoadRequest } from '../../engine/sandbox/protocol.js';
import { RemoteStore } from '../../engine/sandbox/remote-store.js';
import type { LoadOutcome } from '../../engine/sandbox/sandbox.js';
import { SessionRecords, type SessionRecord } from '../../engine/sandbox/session-records.js';
import type { StoreEvent } from '../../engine/sandbox/store-events.js';

export class InProcessHost implements AppHost {
  readonly exit = null;
  private readonly servers = new Map<string, http.Server>();
  private records = new SessionRecords(Date.now);

  static async start(): Promise<AppHost> {
    return new InProcessHost();
  }

  async load(request: LoadRequest): Promise<LoadOutcome> {
    const records = new SessionRecords(Date.now);
    this.records = records;
    // Answered on the next turn of the event loop, as the sandbox's channel answers.
    const store = new RemoteStore((op) => new Promise((resolve) => setImmediate(() => resolve(records.apply(op)))));
    const outcome = startExerciseApp(request, store);
    if (!outcome.ok) return outcome;
    const server = http.createServer(outcome.app);
    server.keepAliveTimeout = 0;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.servers.set(request.slug, server);
    // No host in between: nothing checks the access key.
    return { ok: true, port: (server.address() as AddressInfo).port, accessKey: '' };
  }

  async isResponsive(): Promise<boolean> {
    return true;
  }

  /** The floor keeps no word of its requests: nothing is sent again or charged after an answer. */
  async askRequests(): ReturnType<AppHost['askRequests']> {
    return null;
  }

  lastRequest(): number | null {
    return null;
  }

  /** The floor keeps no log: it names no mistakes. */
  takeStoreEvents(): StoreEvent[] {
    return [];
  }

  peekStoreEvents(): readonly StoreEvent[] {
    return [];
  }

  async sessions(): Promise<Record<string, SessionRecord>> {
    return Object.fromEntries(this.records.all());
  }

  async rewriteSession(sid: string, record: SessionRecord): Promise<boolean> {
    return this.records.replace(sid, record);
  }

  /** Moving the clock would move the grader's own: checks that need it stop there in the floor. */
  async advanceClock(): Promise<void> {
    throw new Error('the in-process floor has no clock of its own');
  }

  unload(slug: string): void {
    const server = this.servers.get(slug);
    server?.closeAllConnections();
    server?.close();
    this.servers.delete(slug);
  }

  takeOutput(): string {
    return '';
  }

  async killFor(reason: Parameters<AppHost['killFor']>[0]): ReturnType<AppHost['killFor']> {
    this.kill();
    return reason;
  }

  kill(): void {
    for (const slug of [...this.servers.keys()]) this.unload(slug);
  }
}
