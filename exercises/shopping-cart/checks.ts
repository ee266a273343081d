import { publicChecks } from '../../grader/engine/check-language/check.js';
import type { SessionRecord } from '../../grader/engine/check-language/context.js';
import { CheckFailure, expectAnswer, expectOnlySessionId, expectThat, storedData } from '../../grader/engine/check-language/expect.js';
import { expectReadStoresNothing, takeStep, type Step } from '../../grader/engine/check-language/probes.js';

/**
 * Whether the learner's data holds `item`, as a value or as a key, at any depth: the lesson leaves
 * the cart's shape to the learner, a list of names or an object keyed by item (`{ milk: 1 }`).
 */
function holdsItem(data: unknown, item: string): boolean {
  if (data === item) return true;
  if (typeof data !== 'object' || data === null) return false;
  return Object.entries(data).some(([key, value]) => (!Array.isArray(data) && key === item) || holdsItem(value, item));
}

/** The visitor's stored session holds `item` (see `holdsItem`), outside express-session's own cookie. */
function expectItemStored(stored: SessionRecord | null, item: string, what: string): void {
  const data = stored && Object.fromEntries(Object.entries(stored).filter(([key]) => key !== 'cookie'));
  expectThat(holdsItem(data, item), `the session store does not hold ${what}: keep it in req.session`, `a stored session holding ${JSON.stringify(item)}`, storedData(stored));
}

/** `data` with the item `from` replaced by `to` wherever it is held, as a value or as a key (in the key's place). */
function swapItem(data: unknown, from: string, to: string): { data: unknown; found: boolean } {
  let found = false;
  const swap = (value: unknown): unknown => {
    if (value === from) {
      found = true;
      return to;
    }
    if (Array.isArray(value)) return value.map(swap);
    if (typeof value !== 'object' || value === null) return value;
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => {
        if (key !== from) return [key, swap(inner)];
        found = true;
        return [to, swap(inner)];
      }),
    );
  };
  return { data: swap(data), found };
}

/** The requests of the store-rewriting check: they fill a new visitor's cart, then must follow the grader's change. */
const fillCart: Step[] = [
  { post: '/cart', fields: { item: 'bread' }, answer: 'Added bread' },
  { post: '/cart', fields: { item: 'fig-3318' }, answer: 'Added fig-3318' },
  { get: '/cart', answer: 'Cart: bread, fig-3318' },
];
const followCart: Step[] = [
  { get: '/cart', answer: 'Cart: bread, date-7702' },
  { post: '/cart', fields: { item: 'tea' }, answer: 'Added tea' },
  { get: '/cart', answer: 'Cart: bread, date-7702, tea' },
];

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
    hint: 'Build the longer list and store it back in the session (`req.session.cart = [...cart, item]`): a list you build and do not assign is lost when the request ends.',
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
  {
    id: 'shopping-cart/empty-cart',
    title: 'Emptying the cart removes every item, and adding starts a new list',
    level: 'medium',
    points: 1,
    hint: 'After emptying, the cart may be a list with no items: answer "Cart: empty" for an empty list too, not only for a missing one.',
    async run(t) {
      const visitor = t.visitor();
      expectAnswer(await visitor.post('/cart', { item: 'milk' }), 200, 'Added milk');
      expectAnswer(await visitor.post('/cart', { item: 'eggs' }), 200, 'Added eggs');
      expectAnswer(await visitor.post('/cart/empty'), 200, 'Cart emptied');
      expectAnswer(await visitor.get('/cart'), 200, 'Cart: empty');
      expectAnswer(await visitor.post('/cart', { item: 'plum' }, { json: true }), 200, 'Added plum');
      expectAnswer(await visitor.get('/cart'), 200, 'Cart: plum');
    },
  },
  {
    id: 'shopping-cart/empty-without-cart',
    title: 'Emptying works for a visitor who has no cart yet',
    level: 'medium',
    points: 1,
    hint: 'A visitor may empty a cart before adding anything: the session then has no cart at all, so do not use the cart as if it existed.',
    async run(t) {
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
      expectItemStored(stored, 'kiwi-5531', 'the first item of the cart');
      expectItemStored(stored, 'lime-2087', 'the second item of the cart');
    },
  },
  {
    id: 'shopping-cart/read-stores-nothing',
    title: 'Showing an empty cart stores nothing and sets no cookie',
    level: 'medium',
    points: 1,
    hint: 'Only read in `showCart`: the `?? []` default is for your answer, not for the session. Writing it there starts a session for every passer-by.',
    async run(t) {
      await expectReadStoresNothing(t, async (visitor) => expectAnswer(await visitor.get('/cart'), 200, 'Cart: empty'));
    },
  },
  // storeFollowed's check, but the item is found, and replaced, as a key too (see holdsItem).
  {
    id: 'shopping-cart/cart-from-store',
    title: 'Shows and adds to the cart the session store holds',
    level: 'hard',
    points: 2,
    hint: 'Read the cart from `req.session` at every request, when showing it and when adding to it: a copy kept anywhere else (a variable of the module, a map by session ID) does not follow the session store.',
    async run(t) {
      const [from, to] = ['fig-3318', 'date-7702'];
      const visitor = t.visitor();
      for (const step of fillCart) await takeStep(visitor, step);
      let found = false;
      const rewritten = await t.rewriteSession(visitor, ({ cookie, ...data }) => {
        const swapped = swapItem(data, from, to);
        found = swapped.found;
        return { ...(swapped.data as SessionRecord), cookie };
      });
      expectThat(rewritten && found, `the session store does not hold ${JSON.stringify(from)} for this visitor: keep it in req.session`, `a stored session holding ${JSON.stringify(from)}`, storedData(await t.sessionOf(visitor)));
      for (const step of followCart) {
        try {
          await takeStep(visitor, step);
        } catch (error) {
          if (!(error instanceof CheckFailure)) throw error;
          // The answer still shows the item the store no longer holds: a copy kept beside it.
          if ((error.actual ?? '').includes(from) && !(error.actual ?? '').includes(to)) t.note('answered-from-a-copy');
          throw new CheckFailure(
            `the grader changed an item of the cart in the visitor's stored session to ${JSON.stringify(to)}, then ${error.message}: answer from req.session, not from a copy kept beside it`,
            error.expected,
            error.actual,
          );
        }
      }
    },
  },
]);
