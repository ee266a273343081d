/**
 * Look-alike of default-written-on-read: showing the cart writes to the session, but a count of
 * the views, not an empty cart, so the same check fails while no empty list is stored.
 */
import type { Request, Response } from 'express';

declare module 'express-session' {
  interface SessionData {
    cartViews: number;
  }
}

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
  req.session.cartViews = (req.session.cartViews ?? 0) + 1;
  const cart = req.session.cart ?? [];
  res.send(cart.length === 0 ? 'Cart: empty' : `Cart: ${cart.join(', ')}`);
}

export function emptyCart(req: Request, res: Response): void {
  req.session.cart = [];
  res.send('Cart emptied');
}
