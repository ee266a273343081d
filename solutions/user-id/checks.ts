import { hiddenChecks } from '../../grader/engine/check-language/check.js';
import { expectAnswer, expectOnlySessionId, expectThat } from '../../grader/engine/check-language/expect.js';
import { expectBrokenCookiesRejected, expectReadStoresNothing } from '../../grader/engine/check-language/probes.js';
import { dataOf, expectIdStored, leaking, userNamed } from '../../exercises/user-id/checks.js';

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
      await expectReadStoresNothing(t, async (visitor) => expectAnswer(await visitor.get('/me'), 200, 'Not signed in'));
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
]);
