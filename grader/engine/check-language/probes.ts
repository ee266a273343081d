/**
 * Checks that every exercise makes in the same way, with the exercise's own requests plugged in.
 */
import type { CheckSpec } from './check.js';
import type { CheckContext, SessionRecord } from './context.js';
import { forgedCookie, sessionIdOf, tamperedCookie } from './cookies.js';
import { CheckFailure, expectAnswer, expectNoCookieSet, expectThat, storedData } from './expect.js';
import type { Exchange, Visitor } from './visitor.js';

/**
 * The owner's session cookie, tampered with and forged (signed with another secret), is worth
 * nothing: `expectStranger` runs for a new visitor sending each, and must see an empty session.
 */
export async function expectBrokenCookiesRejected(
  t: CheckContext,
  owner: Visitor,
  expectStranger: (visitor: Visitor) => Promise<void>,
): Promise<void> {
  const cookie = owner.sessionCookie;
  const id = sessionIdOf(cookie);
  expectThat(cookie !== undefined && id !== null, 'storing data did not start a session (no signed session cookie)');
  const tamperer = t.visitor('tamperer');
  tamperer.useSessionCookie(tamperedCookie(cookie as string));
  await expectStranger(tamperer);
  const forger = t.visitor('forger');
  forger.useSessionCookie(forgedCookie(id as string));
  await expectStranger(forger);
}

/**
 * A request that only reads (`read`, from a new visitor) sets no cookie and adds nothing to the
 * store; `read` checks the answer itself.
 */
export async function expectReadStoresNothing(
  t: CheckContext,
  read: (visitor: Visitor) => Promise<Exchange>,
  advice: { what: string; instead: string } = { what: 'a request that only reads', instead: 'do not write to req.session when you only read' },
): Promise<void> {
  const before = (await t.storedSessions()).size;
  const exchange = await read(t.visitor());
  expectNoCookieSet(exchange, `${advice.what} should not start a session`);
  const after = (await t.storedSessions()).size;
  expectThat(
    after === before,
    `${exchange.method} ${exchange.path} stored a new session: ${advice.instead}`,
    `${before} stored sessions`,
    `${after}`,
  );
}

/**
 * The visitor keeps one session through `steps`: the first step's answer starts it (a signed
 * session cookie), and after every later step the cookie still names the same session, which the
 * store still holds. Answers are left to other checks: this one sees only the session. An app that
 * regenerates, destroys or replaces the session on the way starts the visitor over and loses
 * whatever else the session held.
 */
export async function expectSessionKept(t: CheckContext, visitor: Visitor, steps: (() => Promise<Exchange>)[]): Promise<void> {
  const [first, ...rest] = steps;
  if (first === undefined) return;
  const started = await first();
  const id = sessionIdOf(visitor.sessionCookie);
  expectThat(id !== null, `${started.method} ${started.path} did not start a session (no signed session cookie)`);
  for (const step of rest) {
    const exchange = await step();
    const now = sessionIdOf(visitor.sessionCookie);
    expectThat(
      now === id,
      `${exchange.method} ${exchange.path} gave the visitor another session: change the keys of req.session and keep the session itself (no regenerate, no destroy)`,
      `the same session ID (${id})`,
      now === null ? 'no session cookie' : `a new session ID (${now})`,
    );
  }
  expectThat((await t.storedSessions()).has(id as string), 'the store no longer holds the visitor\'s session: keep the session and change only its keys', `a stored session ${id}`, 'none');
}

/**
 * The app answers from the session store, not from a copy of its own (a variable of the module,
 * a map by session ID, its own report of what it stored): the grader, which keeps the store,
 * swaps a value in the visitor's stored session, wherever the learner keeps it, for another, and
 * `next` must then see the new value (it is given the value swapped in). `swaps` are tried in
 * order; the first value found is swapped (a number may be stored as text).
 */
export async function expectAnswersFromStore(
  t: CheckContext,
  visitor: Visitor,
  swaps: [from: unknown, to: unknown][],
  next: (to: unknown, from: unknown) => Promise<void>,
): Promise<void> {
  for (const [from, to] of swaps) {
    let found = false;
    const swap = (value: unknown): unknown => {
      if (value === from) {
        found = true;
        return to;
      }
      if (Array.isArray(value)) return value.map(swap);
      if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, swap(inner)]));
      return value;
    };
    const rewritten = await t.rewriteSession(visitor, ({ cookie, ...data }) => ({ ...(swap(data) as SessionRecord), cookie }));
    if (rewritten && found) {
      await next(to, from);
      return;
    }
  }
  const wanted = swaps.map(([from]) => JSON.stringify(from)).join(' or ');
  expectThat(
    false,
    `the session store does not hold ${wanted} for this visitor: keep it in req.session`,
    `a stored session holding ${wanted}`,
    storedData(await t.sessionOf(visitor)),
  );
}

/**
 * Whether a failure's actual answer (`200 "…"`) shows `value` in its text, as a whole word: the
 * status is not the text, and a count of 2 is not the 2 of "12".
 */
function showsValue(actual: string | null, value: unknown): boolean {
  if (actual === null || (typeof value !== 'string' && typeof value !== 'number')) return false;
  const text = actual.replace(/^\d{3},? /, '');
  const escaped = String(value).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'u').test(text);
}

/** A request of a check and the answer it must get: 200 and `answer`, unless `status` says otherwise. */
export type Step =
  | { get: string; answer: string; status?: number }
  | { post: string; fields?: Record<string, string>; json?: boolean; answer: string; status?: number };

/** Sends the step's request as `visitor` and checks its answer. */
export async function takeStep(visitor: Visitor, step: Step): Promise<Exchange> {
  const exchange = 'get' in step ? await visitor.get(step.get) : await visitor.post(step.post, step.fields, { json: step.json ?? false });
  return expectAnswer(exchange, step.status ?? 200, step.answer);
}

/** What an exercise says to prove that its answers follow the session store. */
export interface StoreFollowed extends Omit<CheckSpec, 'run'> {
  /** The value, in the learner's words ("the color"), as the failure names it. */
  what: string;
  /** The requests that put the value into a new visitor's session, with their answers. */
  store: Step[];
  /**
   * The value as the session holds it and the one the grader writes in its place, wherever the
   * learner keeps it; more pairs, tried in order, when it may be stored in another form (an ID as
   * text).
   */
  swap: [from: unknown, to: unknown][];
  /** The requests that must then show the new value, with their answers. */
  follow: Step[];
  /**
   * The answer a copy kept beside the store gives instead, when it is not just the old value shown
   * again (a count goes on from the copy's): how the failure is known as a copy's.
   */
  copyAnswer?: string;
}

/**
 * A whole check that the app reads the session store rather than a copy kept beside it (a map of
 * the module's own keyed by session ID, which every browser request finds in step with the
 * session): a visitor stores the value, the grader rewrites it in its copy of the stored session,
 * and the next answers must show the new value.
 */
export function storeFollowed(spec: StoreFollowed): CheckSpec {
  const { what, store, swap, follow, copyAnswer, ...check } = spec;
  return {
    ...check,
    async run(t) {
      const visitor = t.visitor();
      for (const step of store) await takeStep(visitor, step);
      await expectAnswersFromStore(t, visitor, swap, async (to, from) => {
        for (const step of follow) {
          try {
            await takeStep(visitor, step);
          } catch (error) {
            if (!(error instanceof CheckFailure)) throw error;
            // The answer still shows the value the store no longer holds: a copy kept beside it.
            const copied = copyAnswer === undefined ? showsValue(error.actual, from) && !showsValue(error.actual, to) : (error.actual ?? '').startsWith(`200 ${JSON.stringify(copyAnswer).slice(0, -1)}`);
            if (copied) t.note('answered-from-a-copy');
            throw new CheckFailure(
              `the grader changed ${what} in the visitor's stored session to ${JSON.stringify(to)}, then ${error.message}: answer from req.session, not from a copy kept beside it`,
              error.expected,
              error.actual,
            );
          }
        }
      });
    },
  };
}
