import { publicChecks } from '../../grader/engine/check-language/check.js';
import { expectAnswer, expectStored, expectThat, storedPath } from '../../grader/engine/check-language/expect.js';
import { expectKitFacts } from '../../grader/engine/check-language/kit-facts.js';
import { expectSessionKept, storeFollowed } from '../../grader/engine/check-language/probes.js';

/** Whether the stored data still has the key at `path` (whatever its value), and that value. */
function keyAt(data: unknown, path: string[]): { present: boolean; value?: unknown } {
  let node = data;
  for (const key of path) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, key)) return { present: false };
    node = (node as Record<string, unknown>)[key];
  }
  return { present: true, value: node };
}

export default publicChecks([
  {
    id: 'delete-key/guest-default',
    title: 'Greets a guest before anybody logs in',
    level: 'easy',
    points: 1,
    hint: 'Read the name with a default: `req.session.username ?? \'guest\'`.',
    async run(t) {
      expectAnswer(await t.visitor().get('/whoami'), 200, 'Hello, guest');
    },
  },
  {
    id: 'delete-key/login-whoami',
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
    id: 'delete-key/logout',
    title: 'Logging out forgets the user',
    level: 'medium',
    points: 2,
    hint: 'Remove the key with `delete req.session.username`, then answer "Logged out".',
    async run(t) {
      const visitor = t.visitor();
      expectAnswer(await visitor.post('/login', { username: 'alice' }), 200, 'Logged in as alice');
      expectAnswer(await visitor.post('/logout'), 200, 'Logged out');
      expectAnswer(await visitor.get('/whoami'), 200, 'Hello, guest');
    },
  },
  {
    id: 'delete-key/logout-nobody',
    title: 'Logging out when nobody is logged in still answers "Logged out"',
    level: 'medium',
    points: 2,
    hint: '`delete` on a key that is not there does nothing and throws nothing: do not read the key first or throw when it is missing.',
    async run(t) {
      expectAnswer(await t.visitor().post('/logout'), 200, 'Logged out');
    },
  },
  {
    id: 'delete-key/language-survives',
    title: 'Logging out keeps the rest of the session (the chosen language)',
    level: 'hard',
    points: 2,
    hint: 'Delete only the `username` key: destroying or regenerating the session, or replacing its data, loses the language too.',
    async run(t) {
      const visitor = t.visitor();
      expectAnswer(await visitor.post('/language', { language: 'fr' }), 200, 'Language set to fr');
      expectAnswer(await visitor.post('/login', { username: 'alice' }), 200, 'Logged in as alice');
      expectAnswer(await visitor.post('/logout'), 200, 'Logged out');
      expectAnswer(await visitor.get('/whoami'), 200, 'Hello, guest');
      await expectKitFacts(t, visitor, { language: 'fr' }, 'after POST /logout');
    },
  },
  {
    id: 'delete-key/replay-after-logout',
    title: 'The cookie from before logout does not bring the user back',
    level: 'hard',
    points: 2,
    hint: 'Logging out must change what the server holds: clearing the cookie in the browser alone leaves the username on the server for anyone who kept the cookie.',
    async run(t) {
      const visitor = t.visitor('alice');
      expectAnswer(await visitor.post('/login', { username: 'alice' }), 200, 'Logged in as alice');
      const captured = visitor.sessionCookie;
      expectThat(captured !== undefined, 'logging in did not start a session (no session cookie)');
      expectAnswer(await visitor.post('/logout'), 200, 'Logged out');
      const replayer = t.visitor('someone replaying the old cookie');
      replayer.useSessionCookie(captured);
      expectAnswer(await replayer.get('/whoami'), 200, 'Hello, guest');
    },
  },
  {
    id: 'delete-key/removed-from-store',
    title: 'Logging out removes the username from the session store, key and all',
    level: 'hard',
    points: 2,
    hint: 'Setting the username to null or an empty string leaves its key in the store: remove the key itself with `delete req.session.username`.',
    async run(t) {
      const visitor = t.visitor();
      expectAnswer(await visitor.post('/language', { language: 'de' }), 200, 'Language set to de');
      expectAnswer(await visitor.post('/login', { username: 'kay-7731' }), 200, 'Logged in as kay-7731');
      const loggedIn = await t.sessionOf(visitor);
      expectStored(loggedIn, 'kay-7731', 'the username');
      const path = storedPath(loggedIn, 'kay-7731') as string[];
      expectAnswer(await visitor.post('/logout'), 200, 'Logged out');
      const stored = await t.sessionOf(visitor);
      expectThat(stored !== null, 'after logout the store holds no session for this visitor: delete one key and keep the session', 'the session, with the language in it', 'no stored session');
      const left = keyAt(stored, path);
      const name = path.join('.');
      expectThat(
        !left.present,
        `after logout the stored session still has the key "${name}" (${JSON.stringify(left.value)}): delete the key instead of emptying it`,
        `no key "${name}"`,
        `"${name}": ${JSON.stringify(left.value)}`,
      );
      expectThat(storedPath(stored, 'kay-7731') === null, 'after logout the stored session still holds the username', 'no "kay-7731" in the stored session', JSON.stringify(stored));
    },
  },
  {
    id: 'delete-key/session-kept',
    title: 'Logging in and out keeps the same session (the same session ID)',
    level: 'hard',
    points: 2,
    hint: 'Logging out here only deletes a key: do not regenerate, destroy or save a new session, so the visitor keeps the session ID and everything else in it.',
    async run(t) {
      const visitor = t.visitor();
      await expectSessionKept(t, visitor, [
        async () => expectAnswer(await visitor.post('/language', { language: 'fr' }), 200, 'Language set to fr'),
        async () => expectAnswer(await visitor.post('/login', { username: 'alice' }), 200, 'Logged in as alice'),
        async () => expectAnswer(await visitor.post('/logout'), 200, 'Logged out'),
        async () => expectAnswer(await visitor.get('/whoami'), 200, 'Hello, guest'),
      ]);
    },
  },
  storeFollowed({
    id: 'delete-key/username-from-store',
    title: 'Greets whoever the session store holds',
    level: 'hard',
    points: 2,
    hint: 'Read the username from `req.session` in `whoami`: a copy kept anywhere else (a variable of the module, a map by session ID) does not follow the session store.',
    what: 'the username',
    store: [{ post: '/login', fields: { username: 'ivy-5563' }, answer: 'Logged in as ivy-5563' }],
    swap: [['ivy-5563', 'oak-2298']],
    follow: [{ get: '/whoami', answer: 'Hello, oak-2298' }],
  }),
]);
