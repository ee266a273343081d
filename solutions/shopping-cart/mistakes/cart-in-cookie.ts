/**
 * Known mistake: the cart travels in a cookie of its own instead of the session.
 */
import type { Request, Response } from 'express';

function cartOf(req: Request): string[] {
  const sent = /(?:^|; )cart=([^;]*)/.exec(req.headers.cookie ?? '')?.[1];
  return sent ? (JSON.parse(decodeURIComponent(sent)) as string[]) : [];
}

export function addItem(req: Request, res: Response): void {
  const item: unknown = req.body.item;
  if (typeof item !== 'string' || item.trim() === '') {
    res.status(400).send('Missing item');
    return;
  }
  res.cookie('cart', JSON.stringify([...cartOf(req), item]));
  res.send(`Added ${item}`);
}

export function showCart(req: Request, res: Response): void {
  const cart = cartOf(req);
  res.send(cart.length === 0 ? 'Cart: empty' : `Cart: ${cart.join(', ')}`);
}

export function emptyCart(_req: Request, res: Response): void {
  res.cookie('cart', '[]');
  res.send('Cart emptied');
}
