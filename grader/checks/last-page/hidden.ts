import { hiddenChecks } from '../../checking/check.js';
import { expectAnswer } from '../../checking/expect.js';
import { expectBrokenCookiesRejected } from '../../checking/probes.js';
import { previous } from './public.js';

export default hiddenChecks([
  {
    id: 'last-page/tampered-cookie',
    title: 'A tampered or forged session cookie has no previous page',
    level: 'hard',
    points: 1,
    hint: 'Trust only `req.session`: express-session rejects a cookie whose signature is wrong and starts a new, empty session. Do not read cookies yourself.',
    async run(t) {
      const owner = t.visitor('owner');
      expectAnswer(await owner.get('/pages/home'), 200, previous('none'));
      expectAnswer(await owner.get('/pages/account'), 200, previous('/pages/home'));
      await expectBrokenCookiesRejected(t, owner, async (stranger) => {
        expectAnswer(await stranger.get('/pages/login'), 200, previous('none'));
      });
      expectAnswer(await owner.get('/pages/home'), 200, previous('/pages/account'));
    },
  },
]);
