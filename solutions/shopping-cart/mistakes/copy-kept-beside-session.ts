/**
 * Known mistake: a copy kept beside the session. The cart lives in a map of the module's own, keyed by
 * session ID, and the session gets a copy that nothing reads back: every request a browser makes
 * finds the two in step, but the map never learns what the store holds. ("a map of carts by
 * session ID")
 */
import type { Request, Response } from 'express';

const carts = new Map<string, string[]>();

export function addItem(req: Request, res: Response): void {
  const item: unknown = req.body.item;
  if (typeof item !== 'string' || item.trim() === '') {
    res.status(400).send('Missing item');
    return;
  }
  const cart = [...(carts.get(req.sessionID) ?? []), item];
  carts.set(req.sessionID, cart);
  req.session.cart = cart;
  res.send(`Added ${item}`);
}

export function showCart(req: Request, res: Response): void {
  const cart = carts.get(req.sessionID) ?? [];
  res.send(cart.length === 0 ? 'Cart: empty' : `Cart: ${cart.join(', ')}`);
}

export function emptyCart(req: Request, res: Response): void {
  carts.set(req.sessionID, []);
  req.session.cart = [];
  res.send('Cart emptied');
}
