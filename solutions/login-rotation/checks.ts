import { hiddenChecks } from '../../grader/engine/check-language/check.js';
import { sessionIdOf } from '../../grader/engine/check-language/cookies.js';
import { expectAnswer, expectKeptOnServer, expectThat } from '../../grader/engine/check-language/expect.js';
import { expectKitFacts } from '../../grader/engine/check-language/kit-facts.js';
import { expectBrokenCookiesRejected, expectReadStoresNothing } from '../../grader/engine/check-language/probes.js';

export default hiddenChecks([
  {
    id: 'login-rotation/old-cookie-not-logged-in',
    title: 'A session ID planted before the login does not log its planter in',
    level: 'hard',
    points: 2,
    hint: 'Session fixation: someone who got a session ID into the victim\'s browser must gain nothing when the victim logs in. Only a new ID, from `regenerate`, may carry the username.',
    async run(t) {
      const attacker = t.visitor('attacker');
      expectAnswer(await attacker.post('/viewed', { page: 'bait' }), 200, 'Viewed bait');
      const planted = attacker.sessionCookie;
      expectThat(planted !== undefined, 'viewing a page did not start a session (no session cookie)');
      const victim = t.visitor('victim, browsing with the planted cookie');
      victim.useSessionCookie(planted);
      expectAnswer(await victim.post('/login', { username: 'alice' }), 200, 'Logged in as alice');
      // Only the planter's side is this check's: whether the victim's own login works is
      // login-whoami's, so a login lost on the way (the planter a guest all the same) passes here.
      const planter = await attacker.get('/whoami');
      expectThat(
        !planter.text.includes('alice'),
        'the session ID planted before the login greets the victim: whoever planted it is logged in as them',
        'an answer that does not greet alice',
        JSON.stringify(planter.text),
      );
    },
  },
  {
    id: 'login-rotation/old-session-cleared',
    title: 'The session from before the login holds no username in the store',
    level: 'hard',
    points: 1,
    hint: 'Write the username on the new session only: `regenerate` removes the old one from the store, and the username belongs to the session it creates.',
    async run(t) {
      const visitor = t.visitor();
      expectAnswer(await visitor.post('/viewed', { page: 'docs' }), 200, 'Viewed docs');
      const oldId = sessionIdOf(visitor.sessionCookie);
      expectThat(oldId !== null, 'viewing a page did not start a session (no signed session cookie)');
      // Only the old ID's record is this check's: whether the new session holds the username is
      // data-on-server's, so a username lost on the way (the old ID empty all the same) passes here.
      expectAnswer(await visitor.post('/login', { username: 'kim-3307' }), 200, 'Logged in as kim-3307');
      const old = (await t.storedSessions()).get(oldId as string);
      expectThat(
        old === undefined || !JSON.stringify(old).includes('kim-3307'),
        'the session stored under the pre-login ID holds the username',
        'no stored session under the old ID, or one without the username',
        JSON.stringify(old),
      );
    },
  },
  {
    id: 'login-rotation/visitors-apart',
    title: "Keeps each visitor's login and recently viewed pages apart",
    level: 'medium',
    points: 2,
    hint: 'Keep the username and the pages you carry over in the session, never in a variable of the module: every visitor shares those.',
    async run(t) {
      const ana = t.visitor('ana');
      const ben = t.visitor('ben');
      expectAnswer(await ana.post('/viewed', { page: 'home' }), 200, 'Viewed home');
      expectAnswer(await ben.post('/viewed', { page: 'blog' }), 200, 'Viewed blog');
      expectAnswer(await ana.post('/login', { username: 'ana' }), 200, 'Logged in as ana');
      expectAnswer(await ben.post('/login', { username: 'ben' }), 200, 'Logged in as ben');
      expectAnswer(await ana.get('/whoami'), 200, 'Hello, ana');
      await expectKitFacts(t, ana, { recentPages: ['home'] }, 'after ana logged in');
      await expectKitFacts(t, ben, { recentPages: ['blog'] }, 'after ben logged in');
      expectAnswer(await t.visitor('a request with no cookie').get('/whoami'), 200, 'Hello, guest');
      const carol = t.visitor('carol, who viewed nothing');
      expectAnswer(await carol.post('/login', { username: 'carol' }), 200, 'Logged in as carol');
      await expectKitFacts(t, carol, { recentPages: [] }, 'after carol logged in');
      expectAnswer(await ben.get('/whoami'), 200, 'Hello, ben');
    },
  },
  {
    id: 'login-rotation/data-on-server',
    title: 'Keeps the username on the server; the cookie holds only the session ID',
    level: 'medium',
    points: 1,
    hint: 'Do not set cookies yourself: the username goes in `req.session`, and express-session sends the browser only the new signed ID.',
    async run(t) {
      const visitor = t.visitor();
      const loggedIn = await visitor.post('/login', { username: 'zed-5531' });
      expectAnswer(loggedIn, 200, 'Logged in as zed-5531');
      await expectKeptOnServer(t, visitor, loggedIn, 'zed-5531', 'the username');
    },
  },
  {
    id: 'login-rotation/read-stores-nothing',
    title: 'Greeting a guest stores nothing and sets no cookie',
    level: 'medium',
    points: 1,
    hint: 'Only read in `whoami`: writing "guest" into the session, or regenerating it, starts a session for every passer-by.',
    async run(t) {
      await expectReadStoresNothing(t, async (visitor) => expectAnswer(await visitor.get('/whoami'), 200, 'Hello, guest'));
    },
  },
  {
    id: 'login-rotation/tampered-cookie',
    title: 'A tampered or forged session cookie is a guest',
    level: 'hard',
    points: 1,
    hint: 'Trust only `req.session`: express-session rejects a cookie whose signature is wrong. Do not read cookies yourself.',
    async run(t) {
      const owner = t.visitor('owner');
      expectAnswer(await owner.post('/login', { username: 'alice' }), 200, 'Logged in as alice');
      await expectBrokenCookiesRejected(t, owner, async (stranger) => {
        expectAnswer(await stranger.get('/whoami'), 200, 'Hello, guest');
      });
    },
  },
]);
