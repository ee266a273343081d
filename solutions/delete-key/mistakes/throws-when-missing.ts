/**
 * Known mistake: logout insists the key exists, like Django's KeyError, and fails for a guest.
 */
import type { Request, Response } from 'express';

export function login(req: Request, res: Response): void {
  const username: unknown = req.body.username;
  if (typeof username !== 'string' || username.trim() === '') {
    res.status(400).send('Missing username');
    return;
  }
  req.session.username = username;
  res.send(`Logged in as ${username}`);
}

export function whoami(req: Request, res: Response): void {
  res.send(`Hello, ${req.session.username ?? 'guest'}`);
}

export function logout(req: Request, res: Response): void {
  if (req.session.username === undefined) throw new Error("KeyError: 'username'");
  delete req.session.username;
  res.send('Logged out');
}
