import { hiddenChecks } from '../../grader/engine/check-language/check.js';
import { expectAnswer, expectKeptOnServer } from '../../grader/engine/check-language/expect.js';
import { expectBrokenCookiesRejected, expectReadStoresNothing } from '../../grader/engine/check-language/probes.js';

export default hiddenChecks([
  {
    id: 'delete-key/missing-username',
    title: 'A missing or blank username is refused and changes nothing',
    level: 'easy',
    points: 1,
    hint: 'Answer 400 "Missing username" when the field is missing or only spaces, and return before touching the session.',
    async run(t) {
      const visitor = t.visitor();
      expectAnswer(await visitor.post('/login', {}), 400, 'Missing username');
      expectAnswer(await visitor.post('/login', { username: 'bob' }), 200, 'Logged in as bob');
      expectAnswer(await visitor.post('/login', { username: '  ' }), 400, 'Missing username');
      expectAnswer(await visitor.get('/whoami'), 200, 'Hello, bob');
    },
  },
  {
    id: 'delete-key/visitors-apart',
    title: "Keeps each visitor's login apart",
    level: 'medium',
    points: 2,
    hint: 'Keep the username in `req.session`, never in a variable of the module: every visitor shares those.',
    async run(t) {
      const ana = t.visitor('ana');
      const ben = t.visitor('ben');
      expectAnswer(await ana.post('/login', { username: 'ana' }), 200, 'Logged in as ana');
      expectAnswer(await ben.post('/login', { username: 'ben' }), 200, 'Logged in as ben');
      expectAnswer(await ana.get('/whoami'), 200, 'Hello, ana');
      expectAnswer(await t.visitor('a request with no cookie').get('/whoami'), 200, 'Hello, guest');
      expectAnswer(await ana.post('/logout'), 200, 'Logged out');
      expectAnswer(await ben.get('/whoami'), 200, 'Hello, ben');
    },
  },
  {
    id: 'delete-key/data-on-server',
    title: 'Keeps the username on the server; the cookie holds only the session ID',
    level: 'medium',
    points: 1,
    hint: 'Do not set cookies yourself: `req.session.username` is stored on the server and the browser gets only a signed ID.',
    async run(t) {
      const visitor = t.visitor();
      const loggedIn = await visitor.post('/login', { username: 'zed-9182' });
      expectAnswer(loggedIn, 200, 'Logged in as zed-9182');
      await expectKeptOnServer(t, visitor, loggedIn, 'zed-9182', 'the username');
    },
  },
  {
    id: 'delete-key/read-stores-nothing',
    title: 'Greeting a guest stores nothing and sets no cookie',
    level: 'medium',
    points: 1,
    hint: 'Only read in `whoami`: writing "guest" into the session starts a session for every passer-by.',
    async run(t) {
      await expectReadStoresNothing(t, async (visitor) => expectAnswer(await visitor.get('/whoami'), 200, 'Hello, guest'));
    },
  },
  {
    id: 'delete-key/tampered-cookie',
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
  {
    id: 'delete-key/logout-guest-stores-nothing',
    title: 'Logging out a guest stores nothing and sets no cookie',
    level: 'medium',
    points: 1,
    hint: 'For a guest, deleting a key that is not there changes nothing, so express-session stores nothing: do not save, regenerate or write anything on the way out.',
    async run(t) {
      await expectReadStoresNothing(t, async (visitor) => expectAnswer(await visitor.post('/logout'), 200, 'Logged out'), {
        what: 'logging out a guest',
        instead: 'a guest has no session to change, so do not save, regenerate or write to req.session in logout',
      });
    },
  },
]);
