import { hiddenChecks } from '../../checking/check.js';
import { expectAnswer, expectOnlySessionId, expectStored } from '../../checking/expect.js';
import { expectAnswersFromStore, expectBrokenCookiesRejected, expectReadStoresNothing } from '../../checking/probes.js';

export default hiddenChecks([
  {
    id: 'favorite-color/visitors-apart',
    title: "Keeps each visitor's color apart",
    level: 'medium',
    points: 2,
    hint: 'Each browser has its own session: keep the color in `req.session`, never in a variable of the module, which every visitor shares.',
    async run(t) {
      const ana = t.visitor('ana');
      const ben = t.visitor('ben');
      expectAnswer(await ana.post('/color', { color: 'red' }), 200, 'Color saved');
      expectAnswer(await ben.post('/color', { color: 'green' }), 200, 'Color saved');
      expectAnswer(await ana.get('/color'), 200, 'Favorite color: red');
      expectAnswer(await ben.get('/color'), 200, 'Favorite color: green');
      expectAnswer(await t.visitor('a new visitor').get('/color'), 200, 'Favorite color: unknown');
    },
  },
  {
    id: 'favorite-color/data-on-server',
    title: 'Keeps the color on the server; the cookie holds only the session ID',
    level: 'medium',
    points: 2,
    hint: 'Do not set cookies yourself: `req.session.color = color` stores the color on the server, and express-session sends the browser only a signed ID.',
    async run(t) {
      const visitor = t.visitor();
      const saved = await visitor.post('/color', { color: 'teal-4071' });
      expectAnswer(saved, 200, 'Color saved');
      await expectOnlySessionId(t, saved, ['teal-4071']);
      expectStored(await t.sessionOf(visitor), 'teal-4071', 'the color');
    },
  },
  {
    id: 'favorite-color/read-stores-nothing',
    title: 'Showing the color stores nothing and sets no cookie',
    level: 'medium',
    points: 1,
    hint: 'Only read in `showColor`: writing the default ("unknown") into the session creates a session for every passer-by.',
    async run(t) {
      await expectReadStoresNothing(t, async (visitor) => {
        const shown = await visitor.get('/color');
        expectAnswer(shown, 200, 'Favorite color: unknown');
        return shown;
      });
    },
  },
  {
    id: 'favorite-color/blank-changes-nothing',
    title: 'A blank color is refused and the saved color stays',
    level: 'hard',
    points: 2,
    hint: 'Refuse a color that is only spaces too (`color.trim() === \'\'`), and return before touching the session.',
    async run(t) {
      const visitor = t.visitor();
      expectAnswer(await visitor.post('/color', { color: 'blue' }), 200, 'Color saved');
      expectAnswer(await visitor.post('/color', { color: '   ' }), 400, 'Missing color');
      expectAnswer(await visitor.post('/color', {}), 400, 'Missing color');
      expectAnswer(await visitor.get('/color'), 200, 'Favorite color: blue');
    },
  },
  {
    id: 'favorite-color/change-color',
    title: 'Saving another color replaces the first',
    level: 'easy',
    points: 1,
    hint: 'Assigning `req.session.color` again overwrites the old value.',
    async run(t) {
      const visitor = t.visitor();
      expectAnswer(await visitor.post('/color', { color: 'blue' }), 200, 'Color saved');
      expectAnswer(await visitor.post('/color', { color: 'orange' }, { json: true }), 200, 'Color saved');
      expectAnswer(await visitor.get('/color'), 200, 'Favorite color: orange');
    },
  },
  {
    id: 'favorite-color/tampered-cookie',
    title: 'A tampered or forged session cookie gets a fresh, empty session',
    level: 'hard',
    points: 2,
    hint: 'Trust only `req.session`: express-session checks the cookie\'s signature and starts a new session when it is wrong. Do not read cookies yourself.',
    async run(t) {
      const owner = t.visitor('owner');
      expectAnswer(await owner.post('/color', { color: 'purple' }), 200, 'Color saved');
      await expectBrokenCookiesRejected(t, owner, async (stranger) => {
        expectAnswer(await stranger.get('/color'), 200, 'Favorite color: unknown');
      });
    },
  },
  {
    id: 'favorite-color/color-from-store',
    title: 'Shows the color the session store holds',
    level: 'hard',
    points: 2,
    hint: 'Read the color from `req.session` when showing it: a copy kept anywhere else (a variable of the module, a map by session ID) does not follow the session store.',
    async run(t) {
      const visitor = t.visitor();
      expectAnswer(await visitor.post('/color', { color: 'amber-2291' }), 200, 'Color saved');
      expectAnswer(await visitor.get('/color'), 200, 'Favorite color: amber-2291');
      await expectAnswersFromStore(t, visitor, [['amber-2291', 'plum-5120']], async () => {
        expectAnswer(await visitor.get('/color'), 200, 'Favorite color: plum-5120');
      });
    },
  },
]);
