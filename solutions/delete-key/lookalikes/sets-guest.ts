/**
 * Look-alike of sets-null: logout leaves the key in the store too, but writes the word "guest"
 * into it rather than emptying it, so the same checks fail with no null or empty name stored.
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
  req.session.username = 'guest';
  res.send('Logged out');
}
