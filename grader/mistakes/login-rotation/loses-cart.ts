/**
 * Known mistake: the session is regenerated, but the cart is not carried over to the new one.
 * Caught by: login-rotation/cart-survives
 */
import type { Request, Response } from 'express';

export function login(req: Request, res: Response): void {
  const username: unknown = req.body.username;
  if (typeof username !== 'string' || username.trim() === '') {
    res.status(400).send('Missing username');
    return;
  }
  req.session.regenerate(() => {
    req.session.username = username;
    res.send(`Logged in as ${username}`);
  });
}

export function whoami(req: Request, res: Response): void {
  res.send(`Hello, ${req.session.username ?? 'guest'}`);
}
