/**
 * Look-alike of copy-kept-beside-session: the cart is read from the session, but each item is
 * shown cut to eight letters, so an item the grader writes into the store shows cut, not as an old
 * copy.
 */
import type { Request, Response } from 'express';

export function addItem(req: Request, res: Response): void {
  const item: unknown = req.body.item;
  if (typeof item !== 'string' || item.trim() === '') {
    res.status(400).send('Missing item');
    return;
  }
  const cart = req.session.cart ?? [];
  req.session.cart = [...cart, item];
  res.send(`Added ${item}`);
}

export function showCart(req: Request, res: Response): void {
  const cart = (req.session.cart ?? []).map((item) => item.slice(0, 8));
  res.send(cart.length === 0 ? 'Cart: empty' : `Cart: ${cart.join(', ')}`);
}

export function emptyCart(req: Request, res: Response): void {
  req.session.cart = [];
  res.send('Cart emptied');
}
