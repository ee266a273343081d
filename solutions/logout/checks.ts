import { hiddenChecks } from '../../grader/engine/check-language/check.js';
import { expectAnswer, expectKeptOnServer, expectNoCookieSet, expectThat } from '../../grader/engine/check-language/expect.js';
import { expectKitFacts } from '../../grader/engine/check-language/kit-facts.js';
import { expectBrokenCookiesRejected, expectReadStoresNothing } from '../../grader/engine/check-language/probes.js';

export default hiddenChecks([
  {
    id: 'logout/missing-username',
    title: 'A missing or blank username is refused and changes nothing',
    level: 'easy',
    points: 1,
    hint: 'Answer 400 "Missing username" when the field is missing or only spaces, and return before touching the session.',
    async run(t) {
      const refused = await t.visitor('a new visitor').post('/login', {});
      expectAnswer(refused, 400, 'Missing username');
      expectNoCookieSet(refused, 'a refused login should not start a session');
      const visitor = t.visitor();
      expectAnswer(await visitor.post('/login', { username: 'bob' }), 200, 'Logged in as bob');
      expectAnswer(await visitor.post('/login', { username: '  ' }), 400, 'Missing username');
      expectAnswer(await visitor.post('/login', {}, { json: true }), 400, 'Missing username');
      expectAnswer(await visitor.get('/whoami'), 200, 'Hello, bob');
    },
  },
  {
    id: 'logout/language-gone',
    title: 'Logging out ends the whole session: the chosen language goes too',
    level: 'medium',
    points: 2,
    hint: 'Logging out here is not deleting one key: everything the session held (the language too) must go, for this browser and for a copy of its old cookie.',
    async run(t) {
      const visitor = t.visitor();
      expectAnswer(await visitor.post('/language', { language: 'fr' }), 200, 'Language set to fr');
      expectAnswer(await visitor.post('/login', { username: 'alice' }), 200, 'Logged in as alice');
      const captured = visitor.sessionCookie;
      expectThat(captured !== undefined, 'choosing a language did not start a session (no session cookie)');
      expectAnswer(await visitor.post('/logout'), 200, 'Logged out');
      await expectKitFacts(t, visitor, { language: null }, 'after POST /logout');
      const replayer = t.visitor('someone replaying the old cookie');
      replayer.useSessionCookie(captured);
      await expectKitFacts(t, replayer, { language: null }, 'after POST /logout, for the cookie from before it');
    },
  },
  {
    id: 'logout/logout-guest',
    title: 'Logging out when nobody is logged in answers "Logged out" and stores nothing',
    level: 'medium',
    points: 1,
    hint: 'Destroying a session that was never stored is fine: do not check who is logged in first, and do not store anything on the way out.',
    async run(t) {
      const before = (await t.storedSessions()).size;
      const guest = t.visitor('a guest');
      expectAnswer(await guest.post('/logout'), 200, 'Logged out');
      const after = (await t.storedSessions()).size;
      expectThat(after === before, 'logging out a guest stored a new session', `${before} stored sessions`, `${after}`);
      expectThat(guest.sessionCookie === undefined, 'logging out a guest left a session cookie in the browser', 'no session cookie', guest.sessionCookie);
      expectAnswer(await guest.get('/whoami'), 200, 'Hello, guest');
    },
  },
  {
    id: 'logout/data-on-server',
    title: 'Keeps the username on the server; the cookie holds only the session ID',
    level: 'medium',
    points: 1,
    hint: 'Do not set cookies yourself: `req.session.username` is stored on the server and the browser gets only a signed ID.',
    async run(t) {
      const visitor = t.visitor();
      const loggedIn = await visitor.post('/login', { username: 'zed-5521' });
      expectAnswer(loggedIn, 200, 'Logged in as zed-5521');
      await expectKeptOnServer(t, visitor, loggedIn, 'zed-5521', 'the username');
    },
  },
  {
    id: 'logout/read-stores-nothing',
    title: 'Greeting a guest stores nothing and sets no cookie',
    level: 'medium',
    points: 1,
    hint: 'Only read in `whoami`: writing "guest" into the session starts a session for every passer-by.',
    async run(t) {
      await expectReadStoresNothing(t, async (visitor) => expectAnswer(await visitor.get('/whoami'), 200, 'Hello, guest'));
    },
  },
  {
    id: 'logout/tampered-cookie',
    title: "A tampered or forged session cookie is a guest, and cannot log the owner out",
    level: 'hard',
    points: 1,
    hint: 'Trust only `req.session`: express-session rejects a cookie whose signature is wrong and gives a new, empty session. Destroy that session, never another one.',
    async run(t) {
      const owner = t.visitor('owner');
      expectAnswer(await owner.post('/login', { username: 'alice' }), 200, 'Logged in as alice');
      await expectBrokenCookiesRejected(t, owner, async (stranger) => {
        expectAnswer(await stranger.get('/whoami'), 200, 'Hello, guest');
        expectAnswer(await stranger.post('/logout'), 200, 'Logged out');
      });
      expectAnswer(await owner.get('/whoami'), 200, 'Hello, alice');
    },
  },
]);
