/**
 * Routes the kit provides inside an exercise's app, so that checks can show what a learner's code
 * must leave alone (delete-key: logging out keeps the theme; login-rotation: logging in keeps the
 * cart). They answer as the learner's own theme and shopping-cart exercises do.
 */
import type { Request, Response } from 'express';

declare module 'express-session' {
  interface SessionData {
    theme: string;
    cart: string[];
  }
}

function saveTheme(req: Request, res: Response): void {
  const sent: unknown = req.body.theme;
  const theme = typeof sent === 'string' ? sent.toLowerCase() : '';
  if (theme !== 'dark' && theme !== 'light') {
    res.status(400).send('Invalid theme');
    return;
  }
  req.session.theme = theme;
  res.send(`Theme set to ${theme}`);
}

function showTheme(req: Request, res: Response): void {
  res.send(`Theme: ${req.session.theme ?? 'light'}`);
}

/** The cart as stored, or empty when the learner's code left something else under `cart`. */
function cartOf(req: Request): string[] {
  const cart: unknown = req.session.cart;
  return Array.isArray(cart) ? cart.filter((item): item is string => typeof item === 'string') : [];
}

function addToCart(req: Request, res: Response): void {
  const item: unknown = req.body.item;
  if (typeof item !== 'string' || item.trim() === '') {
    res.status(400).send('Missing item');
    return;
  }
  req.session.cart = [...cartOf(req), item];
  res.send(`Added ${item}`);
}

function showCart(req: Request, res: Response): void {
  const cart = cartOf(req);
  res.send(`Cart: ${cart.length === 0 ? 'empty' : cart.join(', ')}`);
}

export const kitHandlers: Record<string, (req: Request, res: Response) => void> = {
  saveTheme,
  showTheme,
  addToCart,
  showCart,
};
