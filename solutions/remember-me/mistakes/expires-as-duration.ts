/**
 * Known mistake: `expires` is given a duration instead of a date, so the cookie expired in January 1970 and the browser drops it at once.
 */
import type { Request, Response } from 'express';

export function login(req: Request, res: Response): void {
  const username: unknown = req.body.username;
  if (typeof username !== 'string' || username.trim() === '') {
    res.status(400).send('Missing username');
    return;
  }
  req.session.username = username;
  if (req.body.remember === 'on') req.session.cookie.expires = new Date(30 * 24 * 60 * 60 * 1000);
  res.send(`Logged in as ${username}`);
}

export function whoami(req: Request, res: Response): void {
  res.send(`Hello, ${req.session.username ?? 'guest'}`);
}
