import { publicChecks } from '../../checking/check.js';
import { expectAnswer } from '../../checking/expect.js';

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
]);
