/**
 * Look-alike of expires-as-duration: `expires` is given a date, but 30 days in the past (a minus
 * for a plus), so the browser drops the cookie at once as well, while it expired this month, not
 * in January 1970.
 */
import type { Request, Response } from 'express';

export function login(req: Request, res: Response): void {
  const username: unknown = req.body.username;
  if (typeof username !== 'string' || username.trim() === '') {
    res.status(400).send('Missing username');
    return;
  }
  req.session.username = username;
  if (req.body.remember === 'on') req.session.cookie.expires = new Date(Date.now() - 30 * 24 * 60 * 60 * 1000);
  res.send(`Logged in as ${username}`);
}

export function whoami(req: Request, res: Response): void {
  res.send(`Hello, ${req.session.username ?? 'guest'}`);
}
