import { hiddenChecks } from '../../checking/check.js';
import { expectAnswer } from '../../checking/expect.js';
import { expectBrokenCookiesRejected } from '../../checking/probes.js';

export default hiddenChecks([
  {
    id: 'theme/tampered-cookie',
    title: 'A tampered or forged session cookie gets the light theme',
    level: 'hard',
    points: 1,
    hint: 'Trust only `req.session`: express-session rejects a cookie whose signature is wrong and starts a new, empty session. Do not read cookies yourself.',
    async run(t) {
      const owner = t.visitor('owner');
      expectAnswer(await owner.post('/theme', { theme: 'dark' }), 200, 'Theme set to dark');
      await expectBrokenCookiesRejected(t, owner, async (stranger) => {
        expectAnswer(await stranger.get('/theme'), 200, 'Theme: light');
      });
      expectAnswer(await owner.get('/theme'), 200, 'Theme: dark');
    },
  },
]);
