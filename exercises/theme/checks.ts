import { publicChecks } from '../../grader/engine/check-language/check.js';
import type { SessionRecord } from '../../grader/engine/check-language/context.js';
import { expectAnswer, expectNoCookieSet, expectOnlySessionId, expectThat } from '../../grader/engine/check-language/expect.js';
import { expectReadStoresNothing, storeFollowed } from '../../grader/engine/check-language/probes.js';

/** What the app keeps in a stored session, without express-session's own `cookie`. */
function dataOf(stored: SessionRecord | null): string | null {
  return stored && JSON.stringify(Object.fromEntries(Object.entries(stored).filter(([key]) => key !== 'cookie')));
}

export default publicChecks([
  {
    id: 'theme/default',
    title: 'Shows the light theme before any choice',
    level: 'easy',
    points: 1,
    hint: 'A new visitor has no theme in the session: read it with a default, `req.session.theme ?? \'light\'`.',
    async run(t) {
      expectAnswer(await t.visitor().get('/theme'), 200, 'Theme: light');
    },
  },
  {
    id: 'theme/set-then-get',
    title: 'Saves a theme, then shows it on the next request',
    level: 'easy',
    points: 2,
    hint: 'Store the posted theme in the session (`req.session.theme = theme`) and read it back in `showTheme`.',
    async run(t) {
      const visitor = t.visitor();
      expectAnswer(await visitor.post('/theme', { theme: 'dark' }), 200, 'Theme set to dark');
      expectAnswer(await visitor.get('/theme'), 200, 'Theme: dark');
      expectAnswer(await visitor.post('/theme', { theme: 'light' }), 200, 'Theme set to light');
      expectAnswer(await visitor.get('/theme'), 200, 'Theme: light');
    },
  },
  {
    id: 'theme/invalid-theme',
    title: 'Answers 400 "Invalid theme" for a theme that is neither dark nor light',
    level: 'medium',
    points: 1,
    hint: 'Compare the whole value with the two allowed themes before storing anything (a part of one, an empty or a missing field is refused too); otherwise answer `res.status(400).send(\'Invalid theme\')` and return.',
    async run(t) {
      const visitor = t.visitor();
      expectAnswer(await visitor.post('/theme', { theme: 'blue' }), 400, 'Invalid theme');
      expectAnswer(await visitor.post('/theme', { theme: 'ark' }), 400, 'Invalid theme');
      expectAnswer(await visitor.post('/theme', { theme: '' }), 400, 'Invalid theme');
      expectAnswer(await visitor.post('/theme', {}), 400, 'Invalid theme');
    },
  },
  {
    id: 'theme/invalid-changes-nothing',
    title: 'A refused theme leaves the session as it was',
    level: 'hard',
    points: 2,
    hint: 'Check first, store after: compare the whole value with "dark" and "light" (a missing or empty field is refused too), and return before touching the session.',
    async run(t) {
      const visitor = t.visitor();
      expectAnswer(await visitor.post('/theme', { theme: 'dark' }), 200, 'Theme set to dark');
      expectAnswer(await visitor.post('/theme', { theme: 'pink' }), 400, 'Invalid theme');
      expectAnswer(await visitor.post('/theme', { theme: '' }), 400, 'Invalid theme');
      expectAnswer(await visitor.post('/theme', { theme: 'ark' }), 400, 'Invalid theme');
      expectAnswer(await visitor.post('/theme', {}, { json: true }), 400, 'Invalid theme');
      expectAnswer(await visitor.get('/theme'), 200, 'Theme: dark');
      const before = (await t.storedSessions()).size;
      const refused = await t.visitor('a new visitor').post('/theme', { theme: 'blue' });
      expectAnswer(refused, 400, 'Invalid theme');
      expectNoCookieSet(refused, 'a refused theme should not start a session');
      const after = (await t.storedSessions()).size;
      expectThat(after === before, 'a refused theme stored a new session', `${before} stored sessions`, `${after}`);
    },
  },
  {
    id: 'theme/letter-case',
    title: 'Accepts Dark and LIGHT, and keeps them in lower case',
    level: 'medium',
    points: 1,
    hint: 'Lowercase the field once, then check and store that lowercase value, so that the answers say "dark" or "light" whatever the visitor typed.',
    async run(t) {
      const visitor = t.visitor();
      expectAnswer(await visitor.post('/theme', { theme: 'Dark' }), 200, 'Theme set to dark');
      expectAnswer(await visitor.get('/theme'), 200, 'Theme: dark');
      expectAnswer(await visitor.post('/theme', { theme: 'LIGHT' }, { json: true }), 200, 'Theme set to light');
      expectAnswer(await visitor.get('/theme'), 200, 'Theme: light');
      expectAnswer(await visitor.post('/theme', { theme: 'dArK' }), 200, 'Theme set to dark');
      expectAnswer(await visitor.get('/theme'), 200, 'Theme: dark');
    },
  },
  {
    id: 'theme/visitors-apart',
    title: "Keeps each visitor's theme apart",
    level: 'medium',
    points: 2,
    hint: 'A variable of the module is shared by every visitor: keep the theme in `req.session`.',
    async run(t) {
      const ana = t.visitor('ana');
      const ben = t.visitor('ben');
      expectAnswer(await ana.post('/theme', { theme: 'dark' }), 200, 'Theme set to dark');
      expectAnswer(await ben.get('/theme'), 200, 'Theme: light');
      expectAnswer(await ben.post('/theme', { theme: 'light' }), 200, 'Theme set to light');
      expectAnswer(await ana.get('/theme'), 200, 'Theme: dark');
      expectAnswer(await t.visitor('a request with no cookie').get('/theme'), 200, 'Theme: light');
      expectAnswer(await ben.get('/theme'), 200, 'Theme: light');
    },
  },
  {
    id: 'theme/data-on-server',
    title: 'Keeps the theme on the server; the cookie holds only the session ID',
    level: 'medium',
    points: 2,
    hint: 'Do not set cookies yourself: `req.session.theme = theme` keeps the theme on the server, and express-session sends the browser only a signed ID.',
    async run(t) {
      const visitor = t.visitor();
      const dark = await visitor.post('/theme', { theme: 'dark' });
      expectAnswer(dark, 200, 'Theme set to dark');
      await expectOnlySessionId(t, dark, []);
      const storedDark = dataOf(await t.sessionOf(visitor));
      expectThat(
        storedDark !== null && storedDark !== '{}',
        'the session store does not hold the theme: keep it in req.session',
        'a stored session holding the theme',
        storedDark ?? 'no stored session for this visitor',
      );
      const light = await visitor.post('/theme', { theme: 'light' });
      expectAnswer(light, 200, 'Theme set to light');
      await expectOnlySessionId(t, light, []);
      const storedLight = dataOf(await t.sessionOf(visitor));
      expectThat(
        storedLight !== storedDark,
        'changing the theme did not change the stored session: keep the theme in req.session',
        `something other than ${storedDark}`,
        storedLight ?? 'no stored session for this visitor',
      );
      const copy = t.visitor('another browser with only the session cookie');
      copy.useSessionCookie(visitor.sessionCookie);
      expectAnswer(await visitor.post('/theme', { theme: 'dark' }), 200, 'Theme set to dark');
      expectAnswer(await copy.get('/theme'), 200, 'Theme: dark');
    },
  },
  {
    id: 'theme/read-stores-nothing',
    title: 'Showing the default theme stores nothing and sets no cookie',
    level: 'medium',
    points: 1,
    hint: 'Only read in `showTheme`: the default "light" is for the answer. Writing it into the session starts a session for every passer-by.',
    async run(t) {
      await expectReadStoresNothing(t, async (visitor) => expectAnswer(await visitor.get('/theme'), 200, 'Theme: light'));
    },
  },
  storeFollowed({
    id: 'theme/theme-from-store',
    title: 'Shows the theme the session store holds',
    level: 'hard',
    points: 2,
    hint: 'Read the theme from `req.session` when showing it: a copy kept anywhere else (a variable of the module, a map by session ID) does not follow the session store.',
    what: 'the theme',
    store: [
      { post: '/theme', fields: { theme: 'dark' }, answer: 'Theme set to dark' },
      { get: '/theme', answer: 'Theme: dark' },
    ],
    // The theme's name, or a flag for dark: the lesson leaves the choice of the two to the learner.
    swap: [
      ['dark', 'light'],
      [true, false],
    ],
    follow: [{ get: '/theme', answer: 'Theme: light' }],
  }),
]);
