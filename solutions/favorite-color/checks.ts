import { hiddenChecks } from '../../grader/engine/check-language/check.js';
import { expectAnswer } from '../../grader/engine/check-language/expect.js';
import { expectBrokenCookiesRejected } from '../../grader/engine/check-language/probes.js';

export default hiddenChecks([
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
]);
