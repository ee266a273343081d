/**
 * Known mistake: logout sets the username to null, so the key stays in the store. The greeting
 * still says "guest" (`null ?? 'guest'`), which is why no answer shows it; only the store does.
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
  // The cast only quiets the kit's shared types; in JavaScript this is plain `= null`.
  req.session.username = null as unknown as string;
  res.send('Logged out');
}
