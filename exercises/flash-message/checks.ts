import { publicChecks } from '../../grader/engine/check-language/check.js';
import type { SessionRecord } from '../../grader/engine/check-language/context.js';
import { expectAnswer, expectKeptOnServer, expectNoCookieSet, expectStored, expectThat } from '../../grader/engine/check-language/expect.js';
import { expectKitFacts } from '../../grader/engine/check-language/kit-facts.js';
import { expectReadStoresNothing, storeFollowed } from '../../grader/engine/check-language/probes.js';

/** What the app keeps in a stored session, without express-session's own `cookie` settings. */
function dataOf(record: SessionRecord | null): Record<string, unknown> | null {
  return record && Object.fromEntries(Object.entries(record).filter(([key]) => key !== 'cookie'));
}

export default publicChecks([
  {
    id: 'flash-message/default',
    title: 'Shows "none" when there is no message',
    level: 'easy',
    points: 1,
    hint: 'A new visitor has no message in the session: read it with a default, `req.session.flash ?? \'none\'`.',
    async run(t) {
      expectAnswer(await t.visitor().get('/flash'), 200, 'Message: none');
    },
  },
  {
    id: 'flash-message/set-then-show',
    title: 'Saves a message, then shows it on the next request',
    level: 'easy',
    points: 2,
    hint: 'Store the posted field in the session in `saveFlash`, and in `showFlash` read it before you remove it.',
    async run(t) {
      const visitor = t.visitor();
      expectAnswer(await visitor.post('/flash', { message: 'Welcome back' }), 200, 'Message saved');
      expectAnswer(await visitor.get('/flash'), 200, 'Message: Welcome back');
    },
  },
  {
    id: 'flash-message/shown-once',
    title: 'Shows a message once; the next request finds none',
    level: 'medium',
    points: 2,
    hint: 'Showing the message must also remove it from the session: read it into a variable, `delete` the key, then answer with the variable.',
    async run(t) {
      const visitor = t.visitor();
      expectAnswer(await visitor.post('/flash', { message: 'Profile updated' }), 200, 'Message saved');
      expectAnswer(await visitor.get('/flash'), 200, 'Message: Profile updated');
      expectAnswer(await visitor.get('/flash'), 200, 'Message: none');
      expectAnswer(await visitor.post('/flash', { message: 'Password changed' }), 200, 'Message saved');
      expectAnswer(await visitor.get('/flash'), 200, 'Message: Password changed');
      expectAnswer(await visitor.get('/flash'), 200, 'Message: none');
    },
  },
  {
    id: 'flash-message/removed-from-store',
    title: 'Once shown, the message is gone from the session store, key and all',
    level: 'hard',
    points: 2,
    hint: 'Setting the message to an empty string or null still leaves a key in the store: remove the key itself with `delete`.',
    async run(t) {
      const visitor = t.visitor();
      expectAnswer(await visitor.post('/flash', { message: 'note-5163' }), 200, 'Message saved');
      expectStored(await t.sessionOf(visitor), 'note-5163', 'the message');
      expectAnswer(await visitor.get('/flash'), 200, 'Message: note-5163');
      const left = dataOf(await t.sessionOf(visitor));
      expectThat(
        left === null || Object.keys(left).length === 0,
        'after the message was shown, the stored session still holds a key for it: delete the key instead of emptying it',
        'a stored session with no data left ({})',
        JSON.stringify(left),
      );
    },
  },
  {
    id: 'flash-message/rest-of-session-kept',
    title: 'Showing the message keeps the rest of the session (the chosen language)',
    level: 'medium',
    points: 2,
    hint: 'Remove only the message: destroying, regenerating or emptying the whole session takes the language with it.',
    async run(t) {
      const visitor = t.visitor();
      expectAnswer(await visitor.post('/language', { language: 'es' }), 200, 'Language set to es');
      expectAnswer(await visitor.post('/flash', { message: 'Settings saved' }), 200, 'Message saved');
      expectAnswer(await visitor.get('/flash'), 200, 'Message: Settings saved');
      await expectKitFacts(t, visitor, { language: 'es' }, 'after GET /flash showed the message');
      expectAnswer(await visitor.get('/flash'), 200, 'Message: none');
      await expectKitFacts(t, visitor, { language: 'es' }, 'after GET /flash found no message');
    },
  },
  {
    id: 'flash-message/visitors-apart',
    title: "Keeps each visitor's message apart",
    level: 'medium',
    points: 2,
    hint: 'Keep the message in `req.session`, never in a variable of the module: every visitor shares those, and one would read (and remove) another\'s message.',
    async run(t) {
      const ana = t.visitor('ana');
      const ben = t.visitor('ben');
      expectAnswer(await ana.post('/flash', { message: 'for ana' }), 200, 'Message saved');
      expectAnswer(await ben.post('/flash', { message: 'for ben' }, { json: true }), 200, 'Message saved');
      expectAnswer(await t.visitor('a request with no cookie').get('/flash'), 200, 'Message: none');
      expectAnswer(await ana.get('/flash'), 200, 'Message: for ana');
      expectAnswer(await ben.get('/flash'), 200, 'Message: for ben');
      expectAnswer(await ana.get('/flash'), 200, 'Message: none');
    },
  },
  {
    id: 'flash-message/data-on-server',
    title: 'Keeps the message on the server; the cookie holds only the session ID',
    level: 'medium',
    points: 1,
    hint: 'Do not set cookies yourself: a message in `req.session` is stored on the server and the browser gets only a signed ID.',
    async run(t) {
      const visitor = t.visitor();
      const saved = await visitor.post('/flash', { message: 'note-8842' });
      expectAnswer(saved, 200, 'Message saved');
      await expectKeptOnServer(t, visitor, saved, 'note-8842', 'the message');
    },
  },
  {
    id: 'flash-message/read-stores-nothing',
    title: 'Finding no message stores nothing and sets no cookie',
    level: 'medium',
    points: 1,
    hint: 'When there is no message, only read: writing an empty message (or "none") into the session starts a session for every passer-by.',
    async run(t) {
      await expectReadStoresNothing(t, async (visitor) => expectAnswer(await visitor.get('/flash'), 200, 'Message: none'));
      const visitor = t.visitor('a visitor with a chosen language');
      expectAnswer(await visitor.post('/language', { language: 'fr' }), 200, 'Language set to fr');
      const before = JSON.stringify(dataOf(await t.sessionOf(visitor)));
      const shown = await visitor.get('/flash');
      expectAnswer(shown, 200, 'Message: none');
      expectNoCookieSet(shown, 'there was no message to remove');
      const after = JSON.stringify(dataOf(await t.sessionOf(visitor)));
      expectThat(after === before, 'GET /flash changed the stored session although there was no message', before, after);
    },
  },
  storeFollowed({
    id: 'flash-message/message-from-store',
    title: 'Shows the message the session store holds',
    level: 'hard',
    points: 2,
    hint: 'Read the message from `req.session` when showing it, and remove it there: a copy kept anywhere else (a variable of the module, a map by session ID) does not follow the session store.',
    what: 'the message',
    store: [{ post: '/flash', fields: { message: 'note-3390' }, answer: 'Message saved' }],
    swap: [['note-3390', 'note-7461']],
    follow: [
      { get: '/flash', answer: 'Message: note-7461' },
      { get: '/flash', answer: 'Message: none' },
    ],
  }),
]);
