/**
 * Known mistake: the item is pushed onto the `?? []` default, a new list that is never put in the session.
 */
import type { Request, Response } from 'express';

export function addItem(req: Request, res: Response): void {
  const item: unknown = req.body.item;
  if (typeof item !== 'string' || item.trim() === '') {
    res.status(400).send('Missing item');
    return;
  }
  const cart = req.session.cart ?? [];
  cart.push(item);
  res.send(`Added ${item}`);
}

export function showCart(req: Request, res: Response): void {
  const cart = req.session.cart ?? [];
  res.send(cart.length === 0 ? 'Cart: empty' : `Cart: ${cart.join(', ')}`);
}

export function emptyCart(req: Request, res: Response): void {
  req.session.cart = [];
  res.send('Cart emptied');
}
