import { publicChecks } from '../../grader/engine/check-language/check.js';
import { sessionIdOf } from '../../grader/engine/check-language/cookies.js';
import { expectAnswer, expectNoCookieSet, expectThat } from '../../grader/engine/check-language/expect.js';
import { expectKitFacts } from '../../grader/engine/check-language/kit-facts.js';
import { storeFollowed } from '../../grader/engine/check-language/probes.js';

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
  {
    id: 'login-rotation/recent-pages-survive',
    title: 'The pages viewed before logging in are still listed after',
    level: 'hard',
    points: 2,
    hint: '`regenerate` starts an empty session: read the recently viewed pages into a variable before calling it, and store them again in the callback.',
    async run(t) {
      const visitor = t.visitor();
      expectAnswer(await visitor.post('/viewed', { page: 'home' }), 200, 'Viewed home');
      expectAnswer(await visitor.post('/viewed', { page: 'pricing' }), 200, 'Viewed pricing');
      expectAnswer(await visitor.post('/login', { username: 'alice' }), 200, 'Logged in as alice');
      await expectKitFacts(t, visitor, { recentPages: ['pricing', 'home'] }, 'after POST /login');
      expectAnswer(await visitor.get('/whoami'), 200, 'Hello, alice');
      expectAnswer(await visitor.post('/viewed', { page: 'about' }), 200, 'Viewed about');
      await expectKitFacts(t, visitor, { recentPages: ['about', 'pricing', 'home'] }, 'after POST /viewed page=about');
    },
  },
  {
    id: 'login-rotation/missing-username',
    title: 'A missing or blank username is refused and changes nothing',
    level: 'medium',
    points: 1,
    hint: 'Check the username first and return with 400 "Missing username" before anything else: a refused login must not regenerate the session.',
    async run(t) {
      const refused = await t.visitor('a new visitor').post('/login', {});
      expectAnswer(refused, 400, 'Missing username');
      expectNoCookieSet(refused, 'a refused login should not start a session');
      const visitor = t.visitor();
      expectAnswer(await visitor.post('/viewed', { page: 'faq' }), 200, 'Viewed faq');
      const before = sessionIdOf(visitor.sessionCookie);
      expectAnswer(await visitor.post('/login', { username: '   ' }), 400, 'Missing username');
      expectAnswer(await visitor.post('/login', { username: '' }, { json: true }), 400, 'Missing username');
      expectThat(
        sessionIdOf(visitor.sessionCookie) === before,
        'a refused login changed the session ID: check the username before you regenerate',
        `the same ID, ${before}`,
        String(sessionIdOf(visitor.sessionCookie)),
      );
      await expectKitFacts(t, visitor, { recentPages: ['faq'] }, 'after the refused logins');
      expectAnswer(await visitor.get('/whoami'), 200, 'Hello, guest');
    },
  },
  storeFollowed({
    id: 'login-rotation/username-from-store',
    title: 'Greets whoever the session store holds',
    level: 'hard',
    points: 2,
    hint: 'Read the username from `req.session` in `whoami`: a copy kept anywhere else (a variable of the module, a map by session ID) does not follow the session store.',
    what: 'the username',
    store: [{ post: '/login', fields: { username: 'ivy-6674' }, answer: 'Logged in as ivy-6674' }],
    swap: [['ivy-6674', 'oak-3309']],
    follow: [{ get: '/whoami', answer: 'Hello, oak-3309' }],
  }),
]);
