/**
 * Look-alike of empty-throws-without-cart: a visitor with no cart is refused on purpose (404), not
 * with an error, so the same check fails while no handler throws.
 */
import type { Request, Response } from 'express';

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
  const cart = req.session.cart ?? [];
  res.send(cart.length === 0 ? 'Cart: empty' : `Cart: ${cart.join(', ')}`);
}

export function emptyCart(req: Request, res: Response): void {
  if (req.session.cart === undefined) {
    res.status(404).send('No cart to empty');
    return;
  }
  req.session.cart = [];
  res.send('Cart emptied');
}
