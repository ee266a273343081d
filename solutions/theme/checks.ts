import { hiddenChecks } from '../../grader/engine/check-language/check.js';
import { expectAnswer } from '../../grader/engine/check-language/expect.js';
import { expectBrokenCookiesRejected, expectSessionKept } from '../../grader/engine/check-language/probes.js';

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
  {
    id: 'theme/session-kept',
    title: 'Changing the theme keeps the same session (the same session ID)',
    level: 'medium',
    points: 1,
    hint: 'Saving a theme changes one key of `req.session`: the visitor keeps the session and its ID. Do not regenerate or destroy it.',
    async run(t) {
      const visitor = t.visitor();
      await expectSessionKept(t, visitor, [
        () => visitor.post('/theme', { theme: 'dark' }),
        () => visitor.post('/theme', { theme: 'light' }),
        () => visitor.get('/theme'),
      ]);
    },
  },
]);
