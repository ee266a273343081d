import type { SessionRecord } from '../../checking/context.js';
import { hiddenChecks } from '../../checking/check.js';
import { expectAnswer, expectNoCookieSet, expectOnlySessionId, expectThat } from '../../checking/expect.js';
import { expectAnswersFromStore, expectBrokenCookiesRejected, expectReadStoresNothing } from '../../checking/probes.js';
import { findUserByName, type User } from '../../services/users.js';

function userNamed(username: string): User {
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
function leaking(record: SessionRecord | null, secret: string): boolean {
  return storedValues(record).some((value) => typeof value === 'string' && value.includes(secret));
}

function dataOf(record: SessionRecord | null): string {
  if (record === null) return 'no stored session for this visitor';
  return JSON.stringify(Object.fromEntries(Object.entries(record).filter(([key]) => key !== 'cookie')));
}

/** The stored session holds the user's id, as a number or as text, under any key. */
function expectIdStored(record: SessionRecord | null, id: number): void {
  const values = storedValues(record);
  expectThat(
    values.includes(id) || values.includes(String(id)),
    "the session store does not hold the user's id: keep it in req.session",
    `a stored session holding ${id}`,
    dataOf(record),
  );
}

export default hiddenChecks([
  {
    id: 'user-id/no-password-hash',
    title: 'Neither the password nor its hash ends up in the session store',
    level: 'hard',
    points: 2,
    hint: 'The user record from the directory carries `passwordHash`: storing the record (or a copy of it) puts the hash in the store. Keep only the id, and never keep the password itself.',
    async run(t) {
      const bob = userNamed('bob');
      const visitor = t.visitor();
      const loggedIn = await visitor.post('/login', { username: 'bob', password: 'canwefixit' });
      expectAnswer(loggedIn, 200, 'Welcome, Bob Builder');
      await expectOnlySessionId(t, loggedIn, [bob.passwordHash, 'canwefixit']);
      const stored = await t.sessionOf(visitor);
      expectThat(stored !== null, 'signing in stored no session: keep the id in req.session');
      for (const secret of [bob.passwordHash, 'canwefixit']) {
        expectThat(
          !leaking(stored, secret),
          secret === 'canwefixit' ? 'the session store holds the password' : 'the session store holds the password hash',
          'no password and no password hash in the stored session',
          dataOf(stored),
        );
      }
    },
  },
  {
    id: 'user-id/only-the-id',
    title: "The session holds the user's id and nothing else about the user",
    level: 'hard',
    points: 2,
    hint: 'Keep `user.id` only. A name or display name in the session is a copy that goes stale when the directory changes; look the user up with `findUserById` on each request instead.',
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
      expectAnswer(await visitor.get('/me'), 200, 'Signed in as Carol Danvers');
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
  {
    id: 'user-id/visitors-apart',
    title: 'Keeps each visitor signed in as themselves',
    level: 'medium',
    points: 2,
    hint: 'Keep the id in `req.session`, never in a variable of the module: every visitor shares those.',
    async run(t) {
      const ana = t.visitor('alice');
      const ben = t.visitor('bob');
      expectAnswer(await ana.post('/login', { username: 'alice', password: 'wonderland' }), 200, 'Welcome, Alice Liddell');
      expectAnswer(await ben.post('/login', { username: 'bob', password: 'canwefixit' }), 200, 'Welcome, Bob Builder');
      expectAnswer(await ana.get('/me'), 200, 'Signed in as Alice Liddell');
      expectAnswer(await t.visitor('a request with no cookie').get('/me'), 200, 'Not signed in');
      expectAnswer(await ben.get('/me'), 200, 'Signed in as Bob Builder');
    },
  },
  {
    id: 'user-id/data-on-server',
    title: 'Keeps the id on the server; the cookie holds only the session ID',
    level: 'medium',
    points: 1,
    hint: 'Do not set cookies yourself: `req.session.userId` is stored on the server, and the browser gets only a signed ID.',
    async run(t) {
      const alice = userNamed('alice');
      const visitor = t.visitor();
      const loggedIn = await visitor.post('/login', { username: 'alice', password: 'wonderland' });
      expectAnswer(loggedIn, 200, 'Welcome, Alice Liddell');
      await expectOnlySessionId(t, loggedIn, [alice.displayName, alice.passwordHash, 'wonderland']);
      expectIdStored(await t.sessionOf(visitor), alice.id);
    },
  },
  {
    id: 'user-id/read-stores-nothing',
    title: 'Asking who is signed in stores nothing and sets no cookie',
    level: 'medium',
    points: 1,
    hint: 'Only read in `me`: writing anything into the session there starts a session for every passer-by.',
    async run(t) {
      await expectReadStoresNothing(t, async (visitor) => {
        const answered = await visitor.get('/me');
        expectAnswer(answered, 200, 'Not signed in');
        return answered;
      });
    },
  },
  {
    id: 'user-id/tampered-cookie',
    title: 'A tampered or forged session cookie is not signed in',
    level: 'hard',
    points: 1,
    hint: 'Trust only `req.session`: express-session rejects a cookie whose signature is wrong. Do not read cookies yourself.',
    async run(t) {
      const owner = t.visitor('owner');
      expectAnswer(await owner.post('/login', { username: 'carol', password: 'higherfurther' }), 200, 'Welcome, Carol Danvers');
      await expectBrokenCookiesRejected(t, owner, async (stranger) => {
        expectAnswer(await stranger.get('/me'), 200, 'Not signed in');
      });
    },
  },
  {
    id: 'user-id/user-from-store',
    title: 'Looks up whoever the stored user ID names',
    level: 'hard',
    points: 2,
    hint: 'In `me`, read the user ID from `req.session` and look the user up with `findUserById`: the session holds the ID, and the directory the rest.',
    async run(t) {
      const bob = userNamed('bob');
      const carol = userNamed('carol');
      const visitor = t.visitor();
      expectAnswer(await visitor.post('/login', { username: 'bob', password: 'canwefixit' }), 200, 'Welcome, Bob Builder');
      await expectAnswersFromStore(t, visitor, [[bob.id, carol.id], [String(bob.id), String(carol.id)]], async () => {
        expectAnswer(await visitor.get('/me'), 200, 'Signed in as Carol Danvers');
      });
    },
  },
]);
