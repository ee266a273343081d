import { hiddenChecks } from '../../checking/check.js';
import { expectAnswer, expectOnlySessionId, expectStored } from '../../checking/expect.js';
import { expectBrokenCookiesRejected, expectReadStoresNothing } from '../../checking/probes.js';

export default hiddenChecks([
  {
    id: 'shopping-cart/visitors-apart',
    title: "Keeps each visitor's cart apart",
    level: 'medium',
    points: 2,
    hint: 'A list in a variable of the module is shared by every visitor: keep each cart in `req.session`.',
    async run(t) {
      const ana = t.visitor('ana');
      const ben = t.visitor('ben');
      expectAnswer(await ana.post('/cart', { item: 'apple' }), 200, 'Added apple');
      expectAnswer(await ben.post('/cart', { item: 'bread' }), 200, 'Added bread');
      expectAnswer(await ana.post('/cart', { item: 'pear' }), 200, 'Added pear');
      expectAnswer(await ana.get('/cart'), 200, 'Cart: apple, pear');
      expectAnswer(await ben.get('/cart'), 200, 'Cart: bread');
      expectAnswer(await t.visitor('a request with no cookie').get('/cart'), 200, 'Cart: empty');
      expectAnswer(await ben.post('/cart/empty'), 200, 'Cart emptied');
      expectAnswer(await ana.get('/cart'), 200, 'Cart: apple, pear');
    },
  },
  {
    id: 'shopping-cart/data-on-server',
    title: 'Keeps the cart on the server; the cookie holds only the session ID',
    level: 'medium',
    points: 2,
    hint: 'Do not set cookies yourself: a list stored in `req.session.cart` stays on the server, and the browser gets only a signed ID.',
    async run(t) {
      const visitor = t.visitor();
      const first = await visitor.post('/cart', { item: 'kiwi-5531' });
      expectAnswer(first, 200, 'Added kiwi-5531');
      await expectOnlySessionId(t, first, ['kiwi-5531']);
      const second = await visitor.post('/cart', { item: 'lime-2087' });
      expectAnswer(second, 200, 'Added lime-2087');
      await expectOnlySessionId(t, second, ['kiwi-5531', 'lime-2087']);
      const stored = await t.sessionOf(visitor);
      expectStored(stored, 'kiwi-5531', 'the first item of the cart');
      expectStored(stored, 'lime-2087', 'the second item of the cart');
    },
  },
  {
    id: 'shopping-cart/read-stores-nothing',
    title: 'Showing an empty cart stores nothing and sets no cookie',
    level: 'medium',
    points: 1,
    hint: 'Only read in `showCart`: the `?? []` default is for your answer, not for the session. Writing it there starts a session for every passer-by.',
    async run(t) {
      await expectReadStoresNothing(t, async (visitor) => {
        const shown = await visitor.get('/cart');
        expectAnswer(shown, 200, 'Cart: empty');
        return shown;
      });
    },
  },
  {
    id: 'shopping-cart/empty-cart',
    title: 'Emptying the cart removes every item, also for a visitor with no cart',
    level: 'medium',
    points: 2,
    hint: 'After emptying, the cart may be a list with no items: answer "Cart: empty" for an empty list too, not only for a missing one. Emptying a cart that does not exist must not throw.',
    async run(t) {
      const visitor = t.visitor();
      expectAnswer(await visitor.post('/cart', { item: 'milk' }), 200, 'Added milk');
      expectAnswer(await visitor.post('/cart', { item: 'eggs' }), 200, 'Added eggs');
      expectAnswer(await visitor.post('/cart/empty'), 200, 'Cart emptied');
      expectAnswer(await visitor.get('/cart'), 200, 'Cart: empty');
      expectAnswer(await visitor.post('/cart', { item: 'plum' }, { json: true }), 200, 'Added plum');
      expectAnswer(await visitor.get('/cart'), 200, 'Cart: plum');
      const newcomer = t.visitor('a visitor with no cart');
      expectAnswer(await newcomer.post('/cart/empty'), 200, 'Cart emptied');
      expectAnswer(await newcomer.get('/cart'), 200, 'Cart: empty');
    },
  },
  {
    id: 'shopping-cart/blank-changes-nothing',
    title: 'A blank item is refused and the cart stays as it was',
    level: 'hard',
    points: 2,
    hint: 'Refuse an item that is only spaces too (`item.trim() === \'\'`), and return before touching the cart.',
    async run(t) {
      const visitor = t.visitor();
      expectAnswer(await visitor.post('/cart', { item: 'apple' }), 200, 'Added apple');
      expectAnswer(await visitor.post('/cart', { item: '   ' }), 400, 'Missing item');
      expectAnswer(await visitor.post('/cart', { item: '' }), 400, 'Missing item');
      expectAnswer(await visitor.post('/cart', {}, { json: true }), 400, 'Missing item');
      expectAnswer(await visitor.get('/cart'), 200, 'Cart: apple');
    },
  },
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
]);
