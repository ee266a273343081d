import { hiddenChecks } from '../../grader/engine/check-language/check.js';
import { expectAnswer } from '../../grader/engine/check-language/expect.js';
import { expectBrokenCookiesRejected, expectSessionKept } from '../../grader/engine/check-language/probes.js';
import { previous } from '../../exercises/last-page/checks.js';

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
  {
    id: 'last-page/session-kept',
    title: 'Visiting pages keeps the same session (the same session ID)',
    level: 'medium',
    points: 1,
    hint: 'Remembering the page changes one key of `req.session`: the visitor keeps the session and its ID. Do not regenerate or destroy it.',
    async run(t) {
      const visitor = t.visitor();
      await expectSessionKept(t, visitor, [
        () => visitor.get('/pages/home'),
        () => visitor.get('/pages/about'),
        () => visitor.get('/pages/contact'),
      ]);
    },
  },
]);
