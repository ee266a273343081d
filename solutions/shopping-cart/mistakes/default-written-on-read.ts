/**
 * Known mistake: showing the cart writes the empty default into the session, starting a session for every passer-by.
 */
import type { Request, Response } from 'express';

export function addItem(req: Request, res: Response): void {
  const item: unknown = req.body.item;
  if (typeof item !== 'string' || item.trim() === '') {
    res.status(400).send('Missing item');
    return;
  }
  req.session.cart = [...(req.session.cart ?? []), item];
  res.send(`Added ${item}`);
}

export function showCart(req: Request, res: Response): void {
  req.session.cart ??= [];
  const cart = req.session.cart;
  res.send(cart.length === 0 ? 'Cart: empty' : `Cart: ${cart.join(', ')}`);
}

export function emptyCart(req: Request, res: Response): void {
  req.session.cart = [];
  res.send('Cart emptied');
}
