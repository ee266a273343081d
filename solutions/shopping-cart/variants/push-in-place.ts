/** Correct variant: the list created in the session on the first add and pushed onto in place; emptying deletes the key. */
import type { Request, Response } from 'express';

export function addItem(req: Request, res: Response): void {
  const { item } = req.body as { item?: unknown };
  if (typeof item !== 'string' || !item.trim()) return void res.status(400).send('Missing item');
  const cart = (req.session.cart ??= []);
  cart.push(item);
  res.send(`Added ${item}`);
}

export function showCart(req: Request, res: Response): void {
  const items = req.session.cart ?? [];
  res.send(`Cart: ${items.join(', ') || 'empty'}`);
}

export function emptyCart(req: Request, res: Response): void {
  delete req.session.cart;
  res.send('Cart emptied');
}
