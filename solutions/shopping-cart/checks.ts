import { hiddenChecks } from '../../grader/engine/check-language/check.js';
import { expectAnswer } from '../../grader/engine/check-language/expect.js';
import { expectBrokenCookiesRejected, expectSessionKept } from '../../grader/engine/check-language/probes.js';

export default hiddenChecks([
  {
    id: 'shopping-cart/tampered-cookie',
    title: 'A tampered or forged session cookie gets an empty cart',
    level: 'hard',
    points: 1,
    hint: 'Trust only `req.session`: express-session rejects a cookie whose signature is wrong and starts a new, empty session. Do not read cookies yourself.',
    async run(t) {
      const owner = t.visitor('owner');
      expectAnswer(await owner.post('/cart', { item: 'caviar' }), 200, 'Added caviar');
      await expectBrokenCookiesRejected(t, owner, async (stranger) => {
        expectAnswer(await stranger.get('/cart'), 200, 'Cart: empty');
      });
      expectAnswer(await owner.get('/cart'), 200, 'Cart: caviar');
    },
  },
  {
    id: 'shopping-cart/session-kept',
    title: 'Adding, showing and emptying the cart keeps the same session (the same session ID)',
    level: 'medium',
    points: 1,
    hint: 'The cart is one key of `req.session`: adding and emptying change it, and the visitor keeps the session and its ID. Do not regenerate or destroy it.',
    async run(t) {
      const visitor = t.visitor();
      await expectSessionKept(t, visitor, [
        () => visitor.post('/cart', { item: 'tea' }),
        () => visitor.get('/cart'),
        () => visitor.post('/cart/empty'),
        () => visitor.post('/cart', { item: 'jam' }),
      ]);
    },
  },
]);
