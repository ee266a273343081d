/**
 * Known mistake: the cart is stored under one key (`items`) and read from another (`cart`), so the
 * items added are never shown, and each add starts again from an empty cart.
 */
import type { Request, Response } from 'express';

declare module 'express-session' {
  interface SessionData {
    items: string[];
  }
}

export function addItem(req: Request, res: Response): void {
  const item: unknown = req.body.item;
  if (typeof item !== 'string' || item.trim() === '') {
    res.status(400).send('Missing item');
    return;
  }
  const cart = req.session.cart ?? [];
  req.session.items = [...cart, item];
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
