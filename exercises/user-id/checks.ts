import { publicChecks, type CheckSpec } from '../../grader/engine/check-language/check.js';
import type { SessionRecord } from '../../grader/engine/check-language/context.js';
import { CheckFailure, expectAnswer, expectNoCookieSet, expectThat } from '../../grader/engine/check-language/expect.js';
import { storeFollowed } from '../../grader/engine/check-language/probes.js';
import { findUserByName, type User } from '../../grader/engine/services/users.js';

export function userNamed(username: string): User {
  const user = findUserByName(username);
  if (!user) throw new Error(`the kit's directory has no user ${username}`);
  return user;
}

/** Every value the learner stored (any key, any depth), the cookie settings left out. */
function storedValues(record: SessionRecord | null): unknown[] {
  const values: unknown[] = [];
  const walk = (value: unknown): void => {
    if (typeof value === 'object' && value !== null) Object.values(value).forEach(walk);
    else values.push(value);
  };
  if (record) Object.entries(record).forEach(([key, value]) => key !== 'cookie' && walk(value));
  return values;
}

/** The stored values that give away `secret` (whole, or as part of a longer text). */
export function leaking(record: SessionRecord | null, secret: string): boolean {
  return storedValues(record).some((value) => typeof value === 'string' && value.includes(secret));
}

export function dataOf(record: SessionRecord | null): string {
  if (record === null) return 'no stored session for this visitor';
  return JSON.stringify(Object.fromEntries(Object.entries(record).filter(([key]) => key !== 'cookie')));
}

/** The stored session holds the user's id, as a number or as text, under any key. */
export function expectIdStored(record: SessionRecord | null, id: number): void {
  const values = storedValues(record);
  expectThat(
    values.includes(id) || values.includes(String(id)),
    "the session store does not hold the user's id: keep it in req.session",
    `a stored session holding ${id}`,
    dataOf(record),
  );
}

const [bob, carol] = [userNamed('bob'), userNamed('carol')];

/**
 * The store-rewriting check, noting `showed-the-user-replaced` when `me` still names bob after the
 * grader put carol's id in his place: the answer came from a copy of the user, wherever it is kept.
 * (The probe's own note compares the answer with the id, and an id of one digit is found in any
 * status code.)
 */
function showsUserReplaced(check: CheckSpec): CheckSpec {
  return {
    ...check,
    async run(t) {
      try {
        await check.run(t);
      } catch (error) {
        // Only a failure after the rewrite: the store step's own answers may name bob.
        const actual = error instanceof CheckFailure && error.message.startsWith('the grader changed') ? (error.actual ?? '') : '';
        if (actual.includes(bob.displayName) && !actual.includes(carol.displayName)) t.note('showed-the-user-replaced');
        throw error;
      }
    },
  };
}

export default publicChecks([
  {
    id: 'user-id/not-signed-in',
    title: 'Says "Not signed in" before anybody signs in',
    level: 'easy',
    points: 1,
    hint: 'A new visitor has no id in the session: answer "Not signed in" when `req.session.userId` is undefined.',
    async run(t) {
      expectAnswer(await t.visitor().get('/me'), 200, 'Not signed in');
    },
  },
  {
    id: 'user-id/login-me',
    title: 'Signs in with the right password, then shows the display name',
    level: 'easy',
    points: 2,
    hint: 'Find the user with `findUserByName`, check the password with `checkPassword`, keep `user.id` in the session; in `me`, get the user back with `findUserById` and show `displayName`.',
    async run(t) {
      const visitor = t.visitor();
      expectAnswer(await visitor.post('/login', { username: 'alice', password: 'wonderland' }), 200, 'Welcome, Alice Liddell');
      expectAnswer(await visitor.get('/me'), 200, 'Signed in as Alice Liddell');
    },
  },
  {
    id: 'user-id/wrong-password',
    title: 'A wrong password or an unknown user is refused with 401',
    level: 'medium',
    points: 2,
    hint: 'A user who exists is not enough: `checkPassword(user, password)` must be true. Answer 401 "Wrong username or password" in both cases, so as not to tell which part was wrong.',
    async run(t) {
      const visitor = t.visitor();
      expectAnswer(await visitor.post('/login', { username: 'alice', password: 'looking-glass' }), 401, 'Wrong username or password');
      expectAnswer(await visitor.post('/login', { username: 'mallory', password: 'wonderland' }), 401, 'Wrong username or password');
    },
  },
  {
    id: 'user-id/failed-login-stores-nothing',
    title: 'A refused login stores nothing and keeps whoever was signed in',
    level: 'medium',
    points: 2,
    hint: 'Check the password before you touch the session: a refused login must not start a session, and must not sign out (or in) anybody.',
    async run(t) {
      const before = (await t.storedSessions()).size;
      const refused = await t.visitor('a new visitor').post('/login', { username: 'bob', password: 'wonderland' });
      expectAnswer(refused, 401, 'Wrong username or password');
      expectNoCookieSet(refused, 'a refused login should not start a session');
      const after = (await t.storedSessions()).size;
      expectThat(after === before, 'a refused login stored a session', `${before} stored sessions`, `${after}`);
      const alice = t.visitor('alice');
      expectAnswer(await alice.post('/login', { username: 'alice', password: 'wonderland' }), 200, 'Welcome, Alice Liddell');
      expectAnswer(await alice.post('/login', { username: 'bob', password: 'wonderland' }), 401, 'Wrong username or password');
      expectAnswer(await alice.get('/me'), 200, 'Signed in as Alice Liddell');
    },
  },
  {
    id: 'user-id/only-the-id',
    title: "The session holds the user's id and nothing else",
    level: 'hard',
    points: 2,
    hint: 'Keep `user.id` and nothing beside it: the stored id already says who is signed in, and the directory holds the rest. A name is a copy that goes stale when the directory changes, and a flag that someone signed in says nothing the id does not; look the user up with `findUserById` on each request instead.',
    async run(t) {
      const carol = userNamed('carol');
      const visitor = t.visitor();
      expectAnswer(await visitor.post('/login', { username: 'carol', password: 'higherfurther' }, { json: true }), 200, 'Welcome, Carol Danvers');
      const stored = await t.sessionOf(visitor);
      expectIdStored(stored, carol.id);
      for (const [field, value] of [['username', carol.username], ['displayName', carol.displayName]] as const) {
        expectThat(
          !leaking(stored, value),
          `the session store holds the user's ${field} (${JSON.stringify(value)}): keep only the id`,
          `only the id, ${carol.id}`,
          dataOf(stored),
        );
      }
      // The id as a number or as text, under any key and at any depth; null holds nothing.
      const others = storedValues(stored).filter((value) => value !== null && value !== carol.id && value !== String(carol.id));
      expectThat(
        others.length === 0,
        `the session store holds more than the id (${others.map((value) => JSON.stringify(value)).join(', ')}): keep only the id, which already says who is signed in`,
        `only the id, ${carol.id}`,
        dataOf(stored),
      );
      expectAnswer(await visitor.get('/me'), 200, 'Signed in as Carol Danvers');
    },
  },
  {
    id: 'user-id/missing-fields',
    title: 'A login with a missing field is refused with 401, not an error',
    level: 'medium',
    points: 1,
    hint: '`req.body.password` is undefined when the field is not sent, and `checkPassword` needs a string: check that both fields are strings before using them.',
    async run(t) {
      const visitor = t.visitor();
      expectAnswer(await visitor.post('/login', {}), 401, 'Wrong username or password');
      expectAnswer(await visitor.post('/login', { username: 'alice' }), 401, 'Wrong username or password');
      expectAnswer(await visitor.post('/login', { password: 'wonderland' }), 401, 'Wrong username or password');
      expectAnswer(await visitor.post('/login', { username: 'alice', password: '' }, { json: true }), 401, 'Wrong username or password');
      expectAnswer(await visitor.get('/me'), 200, 'Not signed in');
    },
  },
  showsUserReplaced(
    storeFollowed({
      id: 'user-id/user-from-store',
      title: 'Looks up whoever the stored user ID names',
      level: 'hard',
      points: 2,
      hint: 'In `me`, read the user ID from `req.session` and look the user up with `findUserById`: the session holds the ID, and the directory the rest.',
      what: 'the user ID',
      store: [{ post: '/login', fields: { username: 'bob', password: 'canwefixit' }, answer: 'Welcome, Bob Builder' }],
      swap: [
        [bob.id, carol.id],
        [String(bob.id), String(carol.id)],
      ],
      follow: [{ get: '/me', answer: 'Signed in as Carol Danvers' }],
    }),
  ),
]);
