import { knownMistakes } from '../../grader/engine/check-language/mistake.js';

export default knownMistakes([
  {
    id: 'blank-accepted',
    title: 'an item of only spaces is taken as an item and added to the cart',
    hint: 'An item of only spaces is as good as none: refuse it as you refuse a missing one, before the cart is touched.',
    fails: ['shopping-cart/blank-changes-nothing'],
    evidence: (seen) => seen.storedBlank('POST /cart'),
    lookalikes: ['blank-clears-cart'],
  },
  {
    id: 'cart-in-cookie',
    title: 'the cart travels in a cookie of its own instead of the session',
    hint: 'Keep the cart in `req.session`, on the server: a cookie of your own sends the whole list to the browser, which can change it.',
    fails: ['shopping-cart/data-on-server', 'shopping-cart/cart-from-store', 'shopping-cart/tampered-cookie', 'shopping-cart/session-kept'],
    evidence: (seen) => seen.showedOwnCookie('GET /cart'),
    lookalikes: ['hand-rolled-session'],
  },
  {
    id: 'default-written-on-read',
    title: 'showing the cart writes the empty default into the session, starting a session for every passer-by',
    hint: 'Showing the cart only reads: use the empty list as a default in the answer without storing it, or every passer-by gets a session.',
    fails: ['shopping-cart/read-stores-nothing'],
    also: ['cart-initialized-on-every-request'],
    // An empty cart: an empty list, or an empty object for a cart keyed by item.
    evidence: (seen) => seen.stored((value) => (Array.isArray(value) ? value.length === 0 : typeof value === 'object' && value !== null && Object.keys(value).length === 0), 'GET /cart'),
    lookalikes: ['read-counts-views'],
  },
  {
    id: 'empty-list-shown-blank',
    title: 'only a missing cart counts as empty, so an emptied cart (an empty list) answers "Cart: "',
    hint: 'An emptied cart is a list with no items: answer "Cart: empty" for it too, not only when there is no cart at all.',
    fails: ['shopping-cart/empty-cart', 'shopping-cart/empty-without-cart'],
    // An emptied cart shown blank while a missing one is shown "empty", as the title says.
    evidence: (seen) => seen.answered(/^Cart: \s*$/, 'GET /cart') && seen.newVisitorShown(/^Cart: empty\s*$/, 'GET /cart'),
    lookalikes: ['emptied-to-object'],
  },
  {
    id: 'empty-throws-without-cart',
    title: 'emptying assumes a cart exists, so a visitor with no cart gets an error 500',
    hint: 'A visitor may empty a cart they never filled: the session then has no cart, so empty it without assuming one exists.',
    fails: ['shopping-cart/empty-without-cart'],
    evidence: (seen) => seen.threw(/./, 'POST /cart/empty'),
    lookalikes: ['refuses-empty-without-cart'],
  },
  {
    id: 'module-cart',
    title: 'one cart kept in a variable of the module, which every visitor shares',
    hint: 'A variable of the module is one cart for the whole server: keep each visitor\'s cart in their own session.',
    fails: ['shopping-cart/visitors-apart', 'shopping-cart/data-on-server', 'shopping-cart/read-stores-nothing', 'shopping-cart/cart-from-store', 'shopping-cart/tampered-cookie', 'shopping-cart/session-kept'],
    // A browser with no cookie at all has added nothing: the items it is shown are other visitors'.
    evidence: (seen) => seen.answeredNewVisitor(/^Cart: (?!empty\s*$)\S/, 'GET /cart'),
    noLookalike: 'A visitor with no cookie at all shown items in the cart is shown what other visitors added: one cart for the whole server, however it is kept.',
  },
  {
    id: 'not-written-back',
    title: 'the longer list is built with a spread but never assigned back to the session',
    hint: 'A new, longer list changes nothing in the session: store it back in `req.session` after each change.',
    fails: ['shopping-cart/add-then-show', 'shopping-cart/empty-cart', 'shopping-cart/blank-changes-nothing', 'shopping-cart/visitors-apart', 'shopping-cart/data-on-server', 'shopping-cart/cart-from-store', 'shopping-cart/tampered-cookie', 'shopping-cart/session-kept'],
    // An add answered, and nothing of the learner's ever written by one: a refused item is reads-query's.
    evidence: (seen) => seen.answeredWithoutStoring('POST /cart') && !seen.stored(() => true, 'POST /cart'),
    lookalikes: ['reads-query'],
  },
  {
    id: 'push-onto-default',
    title: 'a new visitor\'s item goes to a list that is not in the session (pushed onto the `?? []` default?), so a cart is kept only once the session holds one',
    hint: 'The `?? []` default is a new list that the session does not hold: adding to it changes nothing; store the list in the session.',
    fails: ['shopping-cart/add-then-show', 'shopping-cart/blank-changes-nothing', 'shopping-cart/visitors-apart', 'shopping-cart/data-on-server', 'shopping-cart/cart-from-store', 'shopping-cart/tampered-cookie', 'shopping-cart/session-kept'],
    // Only a new visitor's adds are lost: one whose session holds a cart that stores nothing is not-written-back's.
    evidence: (seen) => seen.answeredWithoutStoring('POST /cart') && !seen.stored(() => true, 'POST /cart') && !seen.answeredWithoutStoringForSession('POST /cart'),
    noLookalike: 'An add answered 200 that stores nothing, while adds to a cart the session already holds (an emptied one) are kept, is an item added to a list the session does not hold, whichever way it is written.',
  },
  {
    id: 'copy-kept-beside-session',
    title: 'the cart kept in a map of the module\'s own, keyed by session ID, with a copy in the session that is never read back',
    hint: 'The session store is the one place the cart lives: read it from `req.session` at every request, instead of keeping a copy beside it that never learns what the store holds.',
    fails: ['shopping-cart/cart-from-store'],
    evidence: (seen) => seen.noted('answered-from-a-copy'),
    lookalikes: ['items-cut-short'],
  },
  {
    id: 'no-default',
    title: 'the cart is shown without a default, so a visitor with no cart reads "undefined"',
    hint: 'A key the session does not have reads as `undefined`: read the cart with a default, as the lesson does with `?? []`, and say "empty" when it has no items.',
    fails: ['shopping-cart/empty-default', 'shopping-cart/empty-cart', 'shopping-cart/empty-without-cart', 'shopping-cart/visitors-apart', 'shopping-cart/read-stores-nothing', 'shopping-cart/tampered-cookie'],
    evidence: (seen) => seen.answered(/\bundefined\b/, 'GET /cart'),
    lookalikes: ['no-empty-word'],
  },
  {
    id: 'key-mismatch',
    title: 'the cart is stored under one key and read from another (a typo?), so the items added are never shown',
    hint: 'Look at the key you write the cart to in `addItem` and the key you read it from in `showCart`: they must be the same name, letter for letter.',
    fails: ['shopping-cart/add-then-show', 'shopping-cart/empty-cart', 'shopping-cart/blank-changes-nothing', 'shopping-cart/visitors-apart', 'shopping-cart/data-on-server', 'shopping-cart/cart-from-store', 'shopping-cart/tampered-cookie'],
    evidence: (seen) => seen.storedButNotShown('GET /cart'),
    lookalikes: ['items-kept-in-capitals'],
  },
  {
    id: 'reads-query',
    title: 'every item sent is refused as missing: the item is read from somewhere a form\'s POST does not put it (`req.query`?)',
    hint: 'A form posts its fields in the request\'s body: read the item from `req.body`, which the kit parses for you.',
    fails: ['shopping-cart/add-then-show', 'shopping-cart/empty-cart', 'shopping-cart/blank-changes-nothing', 'shopping-cart/visitors-apart', 'shopping-cart/data-on-server', 'shopping-cart/cart-from-store', 'shopping-cart/tampered-cookie', 'shopping-cart/session-kept'],
    evidence: (seen) => seen.refusedWhatWasSent('item', 'POST /cart'),
    lookalikes: ['not-written-back'],
  },
]);
