import { hiddenChecks } from '../../grader/engine/check-language/check.js';
import { sessionIdOf } from '../../grader/engine/check-language/cookies.js';
import { expectAnswer, expectKeptOnServer, expectNoCookieSet, expectThat } from '../../grader/engine/check-language/expect.js';
import { expectBrokenCookiesRejected, expectReadStoresNothing } from '../../grader/engine/check-language/probes.js';

const day = 24 * 60 * 60 * 1000;

export default hiddenChecks([
  {
    id: 'remember-me/missing-username',
    title: 'A missing or blank username is refused and changes nothing',
    level: 'medium',
    points: 1,
    hint: 'Answer 400 "Missing username" when the field is missing or only spaces, and return before touching the session or its cookie.',
    async run(t) {
      const newcomer = t.visitor('a new visitor');
      const refused = await newcomer.post('/login', {});
      expectAnswer(refused, 400, 'Missing username');
      expectNoCookieSet(refused, 'a refused login should not start a session');
      const remembered = await newcomer.post('/login', { username: '  ', remember: 'on' });
      expectAnswer(remembered, 400, 'Missing username');
      expectNoCookieSet(remembered, 'a refused login should not start a session');
      const visitor = t.visitor();
      expectAnswer(await visitor.post('/login', { username: 'alice' }), 200, 'Logged in as alice');
      expectAnswer(await visitor.post('/login', { username: '' }), 400, 'Missing username');
      expectAnswer(await visitor.get('/whoami'), 200, 'Hello, alice');
    },
  },
  {
    id: 'remember-me/visitors-apart',
    title: 'Each visitor is remembered, or not, on their own',
    level: 'medium',
    points: 2,
    hint: 'Give a lifetime only to the session cookie of the visitor who asked for it, and only when they asked: everyone else keeps a cookie that ends with the browser. Keep the username in `req.session`, never in a variable of the module.',
    async run(t) {
      const ana = t.visitor('ana, remembered');
      const ben = t.visitor('ben, not remembered');
      expectAnswer(await ana.post('/login', { username: 'ana', remember: 'on' }), 200, 'Logged in as ana');
      expectAnswer(await ben.post('/login', { username: 'ben' }), 200, 'Logged in as ben');
      expectAnswer(await ana.get('/whoami'), 200, 'Hello, ana');
      expectAnswer(await ben.get('/whoami'), 200, 'Hello, ben');
      expectAnswer(await t.visitor('a request with no cookie').get('/whoami'), 200, 'Hello, guest');
      ana.restart();
      ben.restart();
      expectAnswer(await ana.get('/whoami'), 200, 'Hello, ana');
      expectAnswer(await ben.get('/whoami'), 200, 'Hello, guest');
    },
  },
  {
    id: 'remember-me/data-on-server',
    title: 'Keeps the username on the server; the only cookie is the session ID',
    level: 'medium',
    points: 1,
    hint: 'Do not set cookies yourself, not even a "remember" one: the session cookie carries the expiry, and `req.session` carries the data.',
    async run(t) {
      const visitor = t.visitor();
      const loggedIn = await visitor.post('/login', { username: 'zed-7731', remember: 'on' });
      expectAnswer(loggedIn, 200, 'Logged in as zed-7731');
      await expectKeptOnServer(t, visitor, loggedIn, 'zed-7731', 'the username');
    },
  },
  {
    id: 'remember-me/read-stores-nothing',
    title: 'Greeting a guest stores nothing and sets no cookie',
    level: 'medium',
    points: 1,
    hint: 'Only read in `whoami`: writing to the session, or changing its cookie, belongs in `login`.',
    async run(t) {
      await expectReadStoresNothing(t, async (visitor) => expectAnswer(await visitor.get('/whoami'), 200, 'Hello, guest'));
    },
  },
  {
    id: 'remember-me/tampered-cookie',
    title: 'A tampered or forged copy of a remembered cookie is a guest',
    level: 'hard',
    points: 1,
    hint: 'Trust only `req.session`: express-session rejects a cookie whose signature is wrong. Do not read cookies yourself.',
    async run(t) {
      const owner = t.visitor('owner');
      expectAnswer(await owner.post('/login', { username: 'alice', remember: 'on' }), 200, 'Logged in as alice');
      await expectBrokenCookiesRejected(t, owner, async (stranger) => {
        expectAnswer(await stranger.get('/whoami'), 200, 'Hello, guest');
      });
    },
  },
  // The only check that moves the app's clock, and the last one: every other check runs on a clock
  // that was never moved, so that a login computing its expiry from `new Date()` is judged fairly.
  {
    id: 'remember-me/lasts-30-days',
    title: 'A remembered login lasts 30 days, in the browser and on the server',
    level: 'hard',
    points: 3,
    hint: 'Give the session cookie itself its lifetime, and count it in milliseconds: `req.session.cookie.maxAge = 30 * 24 * 60 * 60 * 1000`. express-session then ends the stored session on the same date; a cookie of your own, or an expiry never sent, leaves the login on the server for ever.',
    async run(t) {
      const visitor = t.visitor('carol');
      expectAnswer(await visitor.post('/login', { username: 'carol', remember: 'on' }, { json: true }), 200, 'Logged in as carol');
      expectThat(typeof visitor.sessionCookieExpiry === 'number', 'the session cookie of a remembered login has no expiry');
      const quiet = t.visitor('dana, who makes no request for 31 days');
      expectAnswer(await quiet.post('/login', { username: 'dana-8812', remember: 'on' }), 200, 'Logged in as dana-8812');
      const kept = quiet.sessionCookie;
      const id = sessionIdOf(kept);
      expectThat(kept !== undefined && id !== null, 'logging in did not start a session (no signed session cookie)');

      await t.advanceClock(29 * day);
      visitor.restart();
      expectThat(
        visitor.sessionCookie !== undefined,
        'the browser dropped the session cookie before 29 days were over: its expiry is too early',
        'a cookie expiring 30 days after the login',
        'no cookie left after 29 days',
      );
      expectAnswer(await visitor.get('/whoami'), 200, 'Hello, carol');

      await t.advanceClock(2 * day);
      expectThat(
        visitor.sessionCookie === undefined,
        'the session cookie is still valid 31 days after the login: its expiry is too late',
        'a cookie expiring 30 days after the login',
        'a cookie still valid after 31 days',
      );
      expectAnswer(await visitor.get('/whoami'), 200, 'Hello, guest');
      const replayer = t.visitor('someone replaying dana\'s cookie 31 days later');
      replayer.useSessionCookie(kept);
      expectAnswer(await replayer.get('/whoami'), 200, 'Hello, guest');
      const stored = await t.storedSessions();
      expectThat(
        !stored.has(id as string),
        'the session store still holds the session 31 days after a remembered login',
        'no stored session under that ID',
        JSON.stringify(stored.get(id as string)),
      );
    },
  },
]);
