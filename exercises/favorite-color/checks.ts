import { publicChecks } from '../../grader/engine/check-language/check.js';
import { expectAnswer, expectKeptOnServer } from '../../grader/engine/check-language/expect.js';
import { expectReadStoresNothing, expectSessionKept, storeFollowed } from '../../grader/engine/check-language/probes.js';

export default publicChecks([
  {
    id: 'favorite-color/default',
    title: 'Shows "unknown" before any color is saved',
    level: 'easy',
    points: 1,
    hint: 'A new visitor has nothing in the session: read the color with a default, `req.session.color ?? \'unknown\'`.',
    async run(t) {
      expectAnswer(await t.visitor().get('/color'), 200, 'Favorite color: unknown');
    },
  },
  {
    id: 'favorite-color/set-then-get',
    title: 'Saves a color, then shows it on the next request',
    level: 'easy',
    points: 2,
    hint: 'Store the posted field in the session (`req.session.color = req.body.color`) and read it back in `showColor`.',
    async run(t) {
      const visitor = t.visitor();
      expectAnswer(await visitor.post('/color', { color: 'blue' }), 200, 'Color saved');
      expectAnswer(await visitor.get('/color'), 200, 'Favorite color: blue');
    },
  },
  {
    id: 'favorite-color/missing-color',
    title: 'Answers 400 "Missing color" when no color is sent',
    level: 'medium',
    points: 1,
    hint: 'Check `req.body.color` before storing it: when it is missing, answer `res.status(400).send(\'Missing color\')` and return.',
    async run(t) {
      expectAnswer(await t.visitor().post('/color', {}), 400, 'Missing color');
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
      await expectKeptOnServer(t, visitor, saved, 'teal-4071', 'the color');
    },
  },
  {
    id: 'favorite-color/read-stores-nothing',
    title: 'Showing the color stores nothing and sets no cookie',
    level: 'medium',
    points: 1,
    hint: 'Only read in `showColor`: writing the default ("unknown") into the session creates a session for every passer-by.',
    async run(t) {
      await expectReadStoresNothing(t, async (visitor) => expectAnswer(await visitor.get('/color'), 200, 'Favorite color: unknown'));
    },
  },
  {
    id: 'favorite-color/session-kept',
    title: 'Saving a new color keeps the same session (the same session ID)',
    level: 'medium',
    points: 1,
    hint: 'Saving assigns a key of `req.session`; express-session keeps the session and its ID. Do not regenerate or destroy it to store a color.',
    async run(t) {
      const visitor = t.visitor();
      await expectSessionKept(t, visitor, [
        () => visitor.post('/color', { color: 'green' }),
        () => visitor.post('/color', { color: 'red' }),
        () => visitor.get('/color'),
      ]);
    },
  },
  storeFollowed({
    id: 'favorite-color/color-from-store',
    title: 'Shows the color the session store holds',
    level: 'hard',
    points: 2,
    hint: 'Read the color from `req.session` when showing it: a copy kept anywhere else (a variable of the module, a map by session ID) does not follow the session store.',
    what: 'the color',
    store: [
      { post: '/color', fields: { color: 'amber-2291' }, answer: 'Color saved' },
      { get: '/color', answer: 'Favorite color: amber-2291' },
    ],
    swap: [['amber-2291', 'plum-5120']],
    follow: [{ get: '/color', answer: 'Favorite color: plum-5120' }],
  }),
]);
