/**
 * Known mistake: only a missing cart counts as empty, so an emptied cart (an empty list) answers "Cart: ".
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
  res.send(`Cart: ${req.session.cart?.join(', ') ?? 'empty'}`);
}

export function emptyCart(req: Request, res: Response): void {
  req.session.cart = [];
  res.send('Cart emptied');
}
