/** Correct variant: async arrow functions, items kept as objects inside a nested basket, the session saved explicitly. */
import type { Request, Response } from 'express';

declare module 'express-session' {
  interface SessionData {
    basket: { items: { name: string; addedAt: number }[] };
  }
}

const saved = (req: Request): Promise<void> =>
  new Promise((resolve, reject) => req.session.save((error) => (error ? reject(error) : resolve())));

export const addItem = async (req: Request, res: Response): Promise<void> => {
  const name = String(req.body.item ?? '');
  if (name.trim().length === 0) {
    res.status(400).send('Missing item\n');
    return;
  }
  const basket = req.session.basket ?? { items: [] };
  req.session.basket = { items: [...basket.items, { name, addedAt: Date.now() }] };
  await saved(req);
  res.send(`Added ${name}\n`);
};

export const showCart = async (req: Request, res: Response): Promise<void> => {
  const names = (req.session.basket?.items ?? []).map((entry) => entry.name);
  res.end(names.length > 0 ? `Cart: ${names.join(', ')}` : 'Cart: empty');
};

export const emptyCart = async (req: Request, res: Response): Promise<void> => {
  if (req.session.basket) {
    req.session.basket.items = [];
    await saved(req);
  }
  res.send('Cart emptied');
};
