/**
 * Known mistake: one cart in a variable of the module, shared by every visitor.
 */
import type { Request, Response } from 'express';

let cart: string[] = [];

export function addItem(req: Request, res: Response): void {
  const item: unknown = req.body.item;
  if (typeof item !== 'string' || item.trim() === '') {
    res.status(400).send('Missing item');
    return;
  }
  cart.push(item);
  res.send(`Added ${item}`);
}

export function showCart(_req: Request, res: Response): void {
  res.send(cart.length === 0 ? 'Cart: empty' : `Cart: ${cart.join(', ')}`);
}

export function emptyCart(_req: Request, res: Response): void {
  cart = [];
  res.send('Cart emptied');
}
