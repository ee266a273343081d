/**
 * Look-alike of empty-list-shown-blank: emptying puts an empty object where the list was, which
 * has no `join`, so showing an emptied cart throws: the same checks fail with no blank answer.
 */
import type { Request, Response } from 'express';

export function addItem(req: Request, res: Response): void {
  const item: unknown = req.body.item;
  if (typeof item !== 'string' || item.trim() === '') {
    res.status(400).send('Missing item');
    return;
  }
  const cart = Array.isArray(req.session.cart) ? req.session.cart : [];
  req.session.cart = [...cart, item];
  res.send(`Added ${item}`);
}

export function showCart(req: Request, res: Response): void {
  const cart = req.session.cart ?? [];
  res.send(cart.length === 0 ? 'Cart: empty' : `Cart: ${cart.join(', ')}`);
}

export function emptyCart(req: Request, res: Response): void {
  // @ts-expect-error -- the look-alike itself: an object is not a list
  req.session.cart = {};
  res.send('Cart emptied');
}
