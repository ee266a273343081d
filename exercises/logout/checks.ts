import { publicChecks } from '../../grader/engine/check-language/check.js';
import type { SessionRecord } from '../../grader/engine/check-language/context.js';
import { sessionIdOf } from '../../grader/engine/check-language/cookies.js';
import { expectAnswer, expectStored, expectThat } from '../../grader/engine/check-language/expect.js';
import { storeFollowed } from '../../grader/engine/check-language/probes.js';
import { sessionCookieName } from '../../grader/engine/check-language/visitor.js';

/** What the app keeps in a stored session, without express-session's own `cookie` settings. */
function dataOf(record: SessionRecord | undefined): string {
  return record === undefined ? 'none' : JSON.stringify(Object.fromEntries(Object.entries(record).filter(([key]) => key !== 'cookie')));
}

export default publicChecks([
  {
    id: 'logout/guest-default',
    title: 'Greets a guest before anybody logs in',
    level: 'easy',
    points: 1,
    hint: 'Read the name with a default: `req.session.username ?? \'guest\'`.',
    async run(t) {
      expectAnswer(await t.visitor().get('/whoami'), 200, 'Hello, guest');
    },
  },
  {
    id: 'logout/login-whoami',
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
    id: 'logout/logout',
    title: 'Logging out forgets the user',
    level: 'medium',
    points: 2,
    hint: 'Call `req.session.destroy(callback)` and answer "Logged out" inside the callback, once the session is gone.',
    async run(t) {
      const visitor = t.visitor();
      expectAnswer(await visitor.post('/login', { username: 'alice' }), 200, 'Logged in as alice');
      expectAnswer(await visitor.post('/logout'), 200, 'Logged out');
      expectAnswer(await visitor.get('/whoami'), 200, 'Hello, guest');
    },
  },
  {
    id: 'logout/answers-after-destroy',
    title: 'Logging out answers only once the session is destroyed',
    level: 'medium',
    points: 2,
    hint: 'Destroying finishes later, when the store calls back: clear the cookie and answer inside the callback of `req.session.destroy()`, not on the line after calling it.',
    async run(t) {
      // The grader holds the store's reply to a destroy a moment: an app that waits for the callback
      // always answers after it, however loaded the machine. One that does not can still be seen
      // answering after it when the grader was too busy to read its answer in time: a few logouts.
      for (let attempt = 1; attempt <= 4; attempt++) {
        const visitor = t.visitor();
        expectAnswer(await visitor.post('/login', { username: 'alice' }), 200, 'Logged in as alice');
        const out = await visitor.post('/logout');
        expectAnswer(out, 200, 'Logged out');
        expectThat(
          !t.answeredBeforeDestroyed(out),
          'POST /logout answered "Logged out" before the store had destroyed the session: the answer did not wait for the callback of destroy; clear the cookie and answer inside it',
          'the answer after the store replied to destroy',
          'the answer before the store replied',
        );
      }
    },
  },
  {
    id: 'logout/session-gone-from-store',
    title: 'Logging out removes the session from the server\'s store',
    level: 'hard',
    points: 2,
    hint: 'Deleting a key, or forgetting the cookie, leaves the session in the store: `req.session.destroy()` removes it there.',
    async run(t) {
      const visitor = t.visitor('mia');
      expectAnswer(await visitor.post('/language', { language: 'de' }), 200, 'Language set to de');
      expectAnswer(await visitor.post('/login', { username: 'mia-4410' }), 200, 'Logged in as mia-4410');
      const id = sessionIdOf(visitor.sessionCookie);
      expectThat(id !== null, 'logging in did not start a session (no signed session cookie)');
      expectStored(await t.sessionOf(visitor), 'mia-4410', 'the username');
      expectAnswer(await visitor.post('/logout'), 200, 'Logged out');
      const sessions = await t.storedSessions();
      expectThat(
        !sessions.has(id as string),
        'after logout the store still holds the session: destroy it on the server',
        'no stored session under the old ID',
        dataOf(sessions.get(id as string)),
      );
      const leftover = [...sessions.values()].find((record) => dataOf(record).includes('mia-4410'));
      expectThat(leftover === undefined, 'after logout a stored session still holds the username', 'no stored session holding "mia-4410"', dataOf(leftover));
    },
  },
  {
    id: 'logout/replay-after-logout',
    title: 'The cookie from before logout, sent again, is a guest',
    level: 'hard',
    points: 2,
    hint: 'Clearing the cookie in the browser is not enough: anyone who kept a copy could send it again. The session must end on the server.',
    async run(t) {
      const visitor = t.visitor('alice');
      expectAnswer(await visitor.post('/login', { username: 'alice' }), 200, 'Logged in as alice');
      const captured = visitor.sessionCookie;
      expectThat(captured !== undefined, 'logging in did not start a session (no session cookie)');
      expectAnswer(await visitor.post('/logout'), 200, 'Logged out');
      const replayer = t.visitor('someone replaying the old cookie');
      replayer.useSessionCookie(captured);
      expectAnswer(await replayer.get('/whoami'), 200, 'Hello, guest');
      expectAnswer(await replayer.get('/whoami'), 200, 'Hello, guest');
    },
  },
  {
    id: 'logout/cookie-cleared',
    title: 'Logging out clears the session cookie in the browser',
    level: 'hard',
    points: 2,
    hint: 'express-session does not remove its cookie when the session is destroyed: tell the browser to drop it, under the cookie\'s real name, with `res.clearCookie(\'connect.sid\')`.',
    async run(t) {
      const visitor = t.visitor();
      expectAnswer(await visitor.post('/login', { username: 'alice' }), 200, 'Logged in as alice');
      const before = visitor.sessionCookie;
      expectThat(before !== undefined, 'logging in did not start a session (no session cookie)');
      const out = await visitor.post('/logout');
      expectAnswer(out, 200, 'Logged out');
      const headers = out.setCookies.join(' | ') || 'no Set-Cookie header';
      const expected = `a Set-Cookie that expires ${sessionCookieName} (an Expires in the past, or Max-Age=0)`;
      const after = visitor.sessionCookie;
      // A cookie cleared under another name (Django's sessionid, say) is named: it shows why.
      const others = out.setCookies.map((header) => header.split('=')[0] ?? '').filter((name) => name !== sessionCookieName);
      const instead = others.length > 0 ? ` (the answer cleared ${others.join(', ')} instead)` : '';
      expectThat(after === undefined || after !== before, `after logout the browser still holds the ${sessionCookieName} cookie${instead}`, expected, headers);
      expectThat(after === undefined, `logout gave the browser a new ${sessionCookieName} cookie: end the session rather than starting another one`, expected, headers);
      const clearing = out.setCookies.filter((header) => header.startsWith(`${sessionCookieName}=`));
      const wrongPath = clearing.find((header) => /;\s*path=(?!\/\s*(;|$))/i.test(header));
      expectThat(wrongPath === undefined, `the cookie was cleared for another path than "/", where the browser keeps ${sessionCookieName}`, 'Path=/', wrongPath);
      expectAnswer(await visitor.get('/whoami'), 200, 'Hello, guest');
    },
  },
  {
    id: 'logout/visitors-apart',
    title: "Keeps each visitor's login apart, and logging out ends only one",
    level: 'medium',
    points: 2,
    hint: 'Keep the username in `req.session`, never in a variable of the module, and end only this visitor\'s session: not the whole store.',
    async run(t) {
      const ana = t.visitor('ana');
      const ben = t.visitor('ben');
      expectAnswer(await ana.post('/login', { username: 'ana' }), 200, 'Logged in as ana');
      expectAnswer(await ben.post('/login', { username: 'ben' }, { json: true }), 200, 'Logged in as ben');
      expectAnswer(await ana.get('/whoami'), 200, 'Hello, ana');
      expectAnswer(await t.visitor('a request with no cookie').get('/whoami'), 200, 'Hello, guest');
      expectAnswer(await ana.post('/logout'), 200, 'Logged out');
      expectAnswer(await ben.get('/whoami'), 200, 'Hello, ben');
      expectAnswer(await ana.get('/whoami'), 200, 'Hello, guest');
    },
  },
  storeFollowed({
    id: 'logout/username-from-store',
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
