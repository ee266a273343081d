/**
 * Known mistake: the username is read from `req.query`, where a form's POST does not put it, so
 * every login is refused as "Missing username".
 */
import type { Request, Response } from 'express';

export function login(req: Request, res: Response): void {
  const username: unknown = req.query.username;
  if (typeof username !== 'string' || username.trim() === '') {
    res.status(400).send('Missing username');
    return;
  }
  const recentPages = req.session.recentPages;
  req.session.regenerate(() => {
    if (recentPages) req.session.recentPages = recentPages;
    req.session.username = username;
    res.send(`Logged in as ${username}`);
  });
}

export function whoami(req: Request, res: Response): void {
  res.send(`Hello, ${req.session.username ?? 'guest'}`);
}
