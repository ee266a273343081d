/**
 * Correct variant: the cart kept as an object keyed by item, each item with the places it was added
 * at (`{ apple: [0, 2], pear: [1] }`), so that it is listed in the order it was added, the same
 * item twice included; the checks find an item as a key as well as a value.
 */
import type { Request, Response } from 'express';

declare module 'express-session' {
  interface SessionData {
    cartByItem: Record<string, number[]>;
  }
}

export function addItem(req: Request, res: Response): void {
  const item: unknown = req.body.item;
  if (typeof item !== 'string' || item.trim() === '') {
    res.status(400).send('Missing item');
    return;
  }
  const cart = req.session.cartByItem ?? {};
  const next = Object.values(cart).reduce((count, places) => count + places.length, 0);
  req.session.cartByItem = { ...cart, [item]: [...(cart[item] ?? []), next] };
  res.send(`Added ${item}`);
}

export function showCart(req: Request, res: Response): void {
  const placed = Object.entries(req.session.cartByItem ?? {}).flatMap(([item, places]) => places.map((place) => ({ item, place })));
  const items = placed.sort((a, b) => a.place - b.place).map(({ item }) => item);
  res.send(items.length === 0 ? 'Cart: empty' : `Cart: ${items.join(', ')}`);
}

export function emptyCart(req: Request, res: Response): void {
  req.session.cartByItem = {};
  res.send('Cart emptied');
}
