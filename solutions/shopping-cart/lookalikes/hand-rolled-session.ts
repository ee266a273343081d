/**
 * Look-alike of cart-in-cookie: a session made by hand, a cookie of its own holding only an ID and
 * the carts in a variable of the module, so the same checks fail while no cookie holds an item.
 */
import type { Request, Response } from 'express';
import { randomUUID } from 'node:crypto';

const carts = new Map<string, string[]>();

function visitorId(req: Request, res: Response): string {
  let id = /(?:^|; )visitor=([^;]*)/.exec(req.headers.cookie ?? '')?.[1];
  if (id === undefined) {
    id = randomUUID();
    res.cookie('visitor', id);
  }
  return id;
}

export function addItem(req: Request, res: Response): void {
  const item: unknown = req.body.item;
  if (typeof item !== 'string' || item.trim() === '') {
    res.status(400).send('Missing item');
    return;
  }
  const id = visitorId(req, res);
  carts.set(id, [...(carts.get(id) ?? []), item]);
  res.send(`Added ${item}`);
}

export function showCart(req: Request, res: Response): void {
  const id = /(?:^|; )visitor=([^;]*)/.exec(req.headers.cookie ?? '')?.[1];
  const cart = (id !== undefined && carts.get(id)) || [];
  res.send(cart.length === 0 ? 'Cart: empty' : `Cart: ${cart.join(', ')}`);
}

export function emptyCart(req: Request, res: Response): void {
  carts.set(visitorId(req, res), []);
  res.send('Cart emptied');
}
