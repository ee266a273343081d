/**
 * Checks that every exercise makes in the same way, with the exercise's own requests plugged in.
 */
import type { CheckContext, SessionRecord } from './context.js';
import { forgedCookie, sessionIdOf, tamperedCookie } from './cookies.js';
import { expectNoCookieSet, expectThat } from './expect.js';
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
 * `next` must then see the new value. `swaps` are tried in order; the first value found is
 * swapped (a number may be stored as text).
 */
export async function expectAnswersFromStore(
  t: CheckContext,
  visitor: Visitor,
  swaps: [from: unknown, to: unknown][],
  next: () => Promise<void>,
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
      await next();
      return;
    }
  }
  const wanted = swaps.map(([from]) => JSON.stringify(from)).join(' or ');
  expectThat(false, `the session store does not hold ${wanted} for this visitor: keep it in req.session`);
}
