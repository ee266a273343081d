import type { Request, Response } from 'express';

// What this exercise keeps in the session; `req.session.cart` is a list of strings or undefined.
declare module 'express-session' {
  interface SessionData {
    cart: string[];
  }
}

/** POST /cart with the field `item`: add it to this visitor's cart. */
export function addItem(req: Request, res: Response): void {
  // TODO: answer 400 "Missing item" when req.body.item is missing or blank; otherwise add it at
  // the end of the cart (an empty list when there is none yet), store the new list in the
  // session, and answer "Added <item>".
  res.status(501).send('Not implemented yet');
}

/** GET /cart: list the items, or say the cart is empty. Only reads. */
export function showCart(req: Request, res: Response): void {
  // TODO: answer "Cart: <item>, <item>, ..." in the order they were added, or "Cart: empty".
  res.status(501).send('Not implemented yet');
}

/** POST /cart/empty: remove every item from this visitor's cart. */
export function emptyCart(req: Request, res: Response): void {
  // TODO: leave the visitor's cart with no items, and answer "Cart emptied".
  res.status(501).send('Not implemented yet');
}
