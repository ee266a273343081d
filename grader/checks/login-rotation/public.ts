import { publicChecks } from '../../checking/check.js';
import { sessionIdOf } from '../../checking/cookies.js';
import { expectAnswer, expectThat } from '../../checking/expect.js';

export default publicChecks([
  {
    id: 'login-rotation/guest-default',
    title: 'Greets a guest before anybody logs in',
    level: 'easy',
    points: 1,
    hint: 'Read the name with a default: `req.session.username ?? \'guest\'`.',
    async run(t) {
      expectAnswer(await t.visitor().get('/whoami'), 200, 'Hello, guest');
    },
  },
  {
    id: 'login-rotation/login-whoami',
    title: 'Logs in, then greets the user by name',
    level: 'medium',
    points: 2,
    hint: 'Set the username inside the callback of `regenerate`, on the new session, and answer from there too: the old session is thrown away, and an answer sent before the callback runs goes out before the new session exists.',
    async run(t) {
      const visitor = t.visitor();
      expectAnswer(await visitor.post('/login', { username: 'alice' }), 200, 'Logged in as alice');
      expectAnswer(await visitor.get('/whoami'), 200, 'Hello, alice');
    },
  },
  {
    id: 'login-rotation/new-id-at-login',
    title: 'Logging in gives the visitor a new session ID',
    level: 'medium',
    points: 2,
    hint: 'Setting `req.session.username` keeps the session ID the visitor already had; `req.session.regenerate()` gives a new one, and express-session sends the browser a new cookie for it.',
    async run(t) {
      const visitor = t.visitor();
      expectAnswer(await visitor.post('/viewed', { page: 'home' }), 200, 'Viewed home');
      const before = sessionIdOf(visitor.sessionCookie);
      expectThat(before !== null, 'viewing a page did not start a session (no signed session cookie)');
      expectAnswer(await visitor.post('/login', { username: 'alice' }), 200, 'Logged in as alice');
      const after = sessionIdOf(visitor.sessionCookie);
      expectThat(
        after !== null && after !== before,
        'the session ID is the same after logging in: an ID known before the login (planted or seen by someone) now belongs to a logged-in user',
        'a new session ID after POST /login',
        after === null ? 'no session cookie' : `the same ID, ${after}`,
      );
      expectAnswer(await visitor.get('/whoami'), 200, 'Hello, alice');
    },
  },
]);
