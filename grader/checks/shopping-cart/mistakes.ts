import { knownMistakes } from '../../checking/mistake.js';

export default knownMistakes([
  {
    id: 'blank-accepted',
    title: 'only a missing item is refused, so an item of spaces is added to the cart',
    hint: 'An item of only spaces is as good as none: refuse it as you refuse a missing one, before the cart is touched.',
    fails: ['shopping-cart/blank-changes-nothing'],
  },
  {
    id: 'cart-in-cookie',
    title: 'the cart travels in a cookie of its own instead of the session',
    hint: 'Keep the cart in `req.session`, on the server: a cookie of your own sends the whole list to the browser, which can change it.',
    fails: ['shopping-cart/data-on-server', 'shopping-cart/cart-from-store', 'shopping-cart/tampered-cookie', 'shopping-cart/session-kept'],
  },
  {
    id: 'default-written-on-read',
    title: 'showing the cart writes the empty default into the session, starting a session for every passer-by',
    hint: 'Showing the cart only reads: use the empty list as a default in the answer without storing it, or every passer-by gets a session.',
    fails: ['shopping-cart/read-stores-nothing'],
    also: ['cart-initialized-on-every-request'],
  },
  {
    id: 'empty-list-shown-blank',
    title: 'only a missing cart counts as empty, so an emptied cart (an empty list) answers "Cart: "',
    hint: 'An emptied cart is a list with no items: answer "Cart: empty" for it too, not only when there is no cart at all.',
    fails: ['shopping-cart/empty-cart', 'shopping-cart/empty-without-cart'],
  },
  {
    id: 'empty-throws-without-cart',
    title: 'emptying assumes a cart exists, so a visitor with no cart gets an error 500',
    hint: 'A visitor may empty a cart they never filled: the session then has no cart, so empty it without assuming one exists.',
    fails: ['shopping-cart/empty-without-cart'],
    evidence: (seen) => seen.threw(/./, 'POST /cart/empty'),
  },
  {
    id: 'module-cart',
    title: 'one cart kept in a variable of the module, which every visitor shares',
    hint: 'A variable of the module is one cart for the whole server: keep each visitor\'s cart in their own session.',
    fails: ['shopping-cart/visitors-apart', 'shopping-cart/data-on-server', 'shopping-cart/read-stores-nothing', 'shopping-cart/cart-from-store', 'shopping-cart/tampered-cookie', 'shopping-cart/session-kept'],
  },
  {
    id: 'not-written-back',
    title: 'the longer list is built with a spread but never assigned back to the session',
    hint: 'A new, longer list changes nothing in the session: store it back in `req.session` after each change.',
    fails: ['shopping-cart/add-then-show', 'shopping-cart/empty-cart', 'shopping-cart/blank-changes-nothing', 'shopping-cart/visitors-apart', 'shopping-cart/data-on-server', 'shopping-cart/cart-from-store', 'shopping-cart/tampered-cookie', 'shopping-cart/session-kept'],
  },
  {
    id: 'push-onto-default',
    title: 'the item is pushed onto the `?? []` default, a new list that is never put in the session',
    hint: 'The `?? []` default is a new list that the session does not hold: adding to it changes nothing; store the list in the session.',
    fails: ['shopping-cart/add-then-show', 'shopping-cart/blank-changes-nothing', 'shopping-cart/visitors-apart', 'shopping-cart/data-on-server', 'shopping-cart/cart-from-store', 'shopping-cart/tampered-cookie', 'shopping-cart/session-kept'],
  },
  {
    id: 'copy-kept-beside-session',
    title: 'the cart kept in a map of the module\'s own, keyed by session ID, with a copy in the session that is never read back',
    hint: 'The session store is the one place the cart lives: read it from `req.session` at every request, instead of keeping a copy beside it that never learns what the store holds.',
    fails: ['shopping-cart/cart-from-store'],
    evidence: (seen) => seen.noted('answered-from-a-copy'),
  },
]);
