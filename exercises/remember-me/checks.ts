import { publicChecks } from '../../grader/engine/check-language/check.js';
import { expectAnswer, expectThat } from '../../grader/engine/check-language/expect.js';
import { storeFollowed } from '../../grader/engine/check-language/probes.js';

const day = 24 * 60 * 60 * 1000;

export default publicChecks([
  {
    id: 'remember-me/guest-default',
    title: 'Greets a guest before anybody logs in',
    level: 'easy',
    points: 1,
    hint: 'Read the name with a default: `req.session.username ?? \'guest\'`.',
    async run(t) {
      expectAnswer(await t.visitor().get('/whoami'), 200, 'Hello, guest');
    },
  },
  {
    id: 'remember-me/login-whoami',
    title: 'Logs in, then greets the user by name',
    level: 'easy',
    points: 2,
    hint: 'In `login`, store the posted field: `req.session.username = req.body.username`.',
    async run(t) {
      const visitor = t.visitor();
      expectAnswer(await visitor.post('/login', { username: 'alice' }), 200, 'Logged in as alice');
      expectAnswer(await visitor.get('/whoami'), 200, 'Hello, alice');
    },
  },
  {
    id: 'remember-me/browser-session-by-default',
    title: 'Without "remember me", the login ends when the browser closes',
    level: 'medium',
    points: 2,
    hint: 'Leave `req.session.cookie` alone when `remember` is not "on": a cookie without an expiry is forgotten when the browser closes.',
    async run(t) {
      const visitor = t.visitor();
      expectAnswer(await visitor.post('/login', { username: 'alice' }), 200, 'Logged in as alice');
      expectThat(visitor.sessionCookie !== undefined, 'logging in did not start a session (no session cookie)');
      expectThat(
        visitor.sessionCookieExpiry === null,
        'the session cookie has an expiry although "remember me" was not asked for: it survives closing the browser',
        'a session cookie without Expires or Max-Age',
        `a cookie expiring ${new Date(visitor.sessionCookieExpiry ?? 0).toUTCString()}`,
      );
      visitor.restart();
      expectAnswer(await visitor.get('/whoami'), 200, 'Hello, guest');
    },
  },
  {
    id: 'remember-me/remembered-survives-restart',
    title: 'With "remember me", the login survives closing the browser, the next day too',
    level: 'medium',
    points: 2,
    hint: 'When `req.body.remember` is "on", give the session cookie a lifetime: `req.session.cookie.maxAge` (in milliseconds). express-session then sends the cookie with an expiry date.',
    async run(t) {
      const visitor = t.visitor();
      expectAnswer(await visitor.post('/login', { username: 'bob', remember: 'on' }), 200, 'Logged in as bob');
      expectThat(visitor.sessionCookie !== undefined, 'logging in did not start a session (no session cookie)');
      expectThat(
        typeof visitor.sessionCookieExpiry === 'number',
        'the session cookie has no expiry, so the browser forgets it when it closes',
        'a session cookie with an expiry date',
        'a session cookie without Expires or Max-Age',
      );
      visitor.restart();
      expectAnswer(await visitor.get('/whoami'), 200, 'Hello, bob');
      // Not the 30 days (a hidden check proves those): a day is enough to show a lifetime counted wrong.
      await t.advanceClock(day);
      visitor.restart();
      expectThat(visitor.sessionCookie !== undefined, 'the browser dropped the session cookie within a day: its lifetime is far too short', 'a cookie that lasts days', 'no cookie left the next day');
      expectAnswer(await visitor.get('/whoami'), 200, 'Hello, bob');
    },
  },
  storeFollowed({
    id: 'remember-me/username-from-store',
    title: 'Greets whoever the session store holds',
    level: 'hard',
    points: 2,
    hint: 'Read the username from `req.session` in `whoami`: a copy kept anywhere else (a variable of the module, a map by session ID) does not follow the session store.',
    what: 'the username',
    store: [{ post: '/login', fields: { username: 'ivy-4452' }, answer: 'Logged in as ivy-4452' }],
    swap: [['ivy-4452', 'oak-1187']],
    follow: [{ get: '/whoami', answer: 'Hello, oak-1187' }],
  }),
]);
