/**
 * Look-alike of no-default: the cart is read with a default, but "empty" is never said, so an
 * empty cart reads "Cart: ": the same checks fail with no "undefined" in any answer.
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
  res.send(`Cart: ${(req.session.cart ?? []).join(', ')}`);
}

export function emptyCart(req: Request, res: Response): void {
  req.session.cart = [];
  res.send('Cart emptied');
}
