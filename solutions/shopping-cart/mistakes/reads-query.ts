/**
 * Known mistake: the item is read from the query string, where a form's POST never puts it, so
 * every item sent is refused as missing.
 */
import type { Request, Response } from 'express';

export function addItem(req: Request, res: Response): void {
  const item: unknown = req.query.item;
  if (typeof item !== 'string' || item.trim() === '') {
    res.status(400).send('Missing item');
    return;
  }
  const cart = req.session.cart ?? [];
  req.session.cart = [...cart, item];
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
