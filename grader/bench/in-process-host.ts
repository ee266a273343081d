/**
 * The benchmark's floor: exercise apps run inside the grader's own process, with no isolation at
 * all. Never used to grade anyone; it measures what the sandbox costs on top of bare HTTP.
 */
import type { AppHost } from '../grading/grade.js';
import { kitRoot } from '../paths.js';
import { startExerciseApp, type RunningApp } from '../sandbox/exercise-app.js';
import type { LoadOutcome } from '../sandbox/sandbox.js';
import type { LoadRequest } from '../sandbox/protocol.js';

export class InProcessHost implements AppHost {
  readonly exit = null;
  private readonly apps = new Map<string, RunningApp>();

  static async start(): Promise<AppHost> {
    return new InProcessHost();
  }

  async load(request: LoadRequest): Promise<LoadOutcome> {
    const outcome = await startExerciseApp(request, kitRoot);
    if (!outcome.ok) return outcome;
    this.apps.set(request.slug, outcome.app);
    return { ok: true, port: outcome.app.port };
  }

  async isResponsive(): Promise<boolean> {
    return true;
  }

  sessions(slug: string): Promise<Record<string, unknown>> {
    return new Promise((resolve) => {
      const app = this.apps.get(slug);
      if (!app) resolve({});
      else app.store.all((_error, sessions) => resolve((sessions ?? {}) as Record<string, unknown>));
    });
  }

  /** Moving the clock would move the grader's own: checks that need it stop there in the floor. */
  async advanceClock(): Promise<void> {
    throw new Error('the in-process floor has no clock of its own');
  }

  unload(slug: string): void {
    this.apps.get(slug)?.close();
    this.apps.delete(slug);
  }

  takeOutput(): string {
    return '';
  }

  async killFor(reason: Parameters<AppHost['killFor']>[0]): ReturnType<AppHost['killFor']> {
    this.kill();
    return reason;
  }

  kill(): void {
    for (const slug of [...this.apps.keys()]) this.unload(slug);
  }
}
