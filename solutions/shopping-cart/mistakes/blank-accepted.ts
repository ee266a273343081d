/**
 * Known mistake: only a missing item is refused, so an item of spaces is added to the cart.
 */
import type { Request, Response } from 'express';

export function addItem(req: Request, res: Response): void {
  const item = req.body.item as string | undefined;
  if (!item) {
    res.status(400).send('Missing item');
    return;
  }
  req.session.cart = [...(req.session.cart ?? []), item];
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
