import { publicChecks } from '../../checking/check.js';
import { expectAnswer } from '../../checking/expect.js';

export default publicChecks([
  {
    id: 'shopping-cart/empty-default',
    title: 'A new visitor has an empty cart',
    level: 'easy',
    points: 1,
    hint: 'A new visitor has no cart in the session: read it with a default, `req.session.cart ?? []`, and answer "Cart: empty" when it has no items.',
    async run(t) {
      expectAnswer(await t.visitor().get('/cart'), 200, 'Cart: empty');
    },
  },
  {
    id: 'shopping-cart/add-then-show',
    title: 'Adds items, then lists them in order, the same item twice included',
    level: 'easy',
    points: 2,
    hint: 'Build the longer list and store it back in the session (`req.session.cart = ...`): a list you build and do not assign is lost when the request ends.',
    async run(t) {
      const visitor = t.visitor();
      expectAnswer(await visitor.post('/cart', { item: 'apple' }), 200, 'Added apple');
      expectAnswer(await visitor.post('/cart', { item: 'pear' }), 200, 'Added pear');
      expectAnswer(await visitor.get('/cart'), 200, 'Cart: apple, pear');
      expectAnswer(await visitor.post('/cart', { item: 'apple' }), 200, 'Added apple');
      expectAnswer(await visitor.get('/cart'), 200, 'Cart: apple, pear, apple');
    },
  },
  {
    id: 'shopping-cart/missing-item',
    title: 'Answers 400 "Missing item" when no item is sent',
    level: 'medium',
    points: 1,
    hint: 'Check `req.body.item` before using it: when it is missing, answer `res.status(400).send(\'Missing item\')` and return.',
    async run(t) {
      expectAnswer(await t.visitor().post('/cart', {}), 400, 'Missing item');
    },
  },
]);
