/**
 * Known mistake: the username is set before regenerate(), on the old session, which is then thrown away.
 */
import type { Request, Response } from 'express';

export function login(req: Request, res: Response): void {
  const username: unknown = req.body.username;
  if (typeof username !== 'string' || username.trim() === '') {
    res.status(400).send('Missing username');
    return;
  }
  req.session.username = username;
  const recentPages = req.session.recentPages;
  req.session.regenerate(() => {
    if (recentPages) req.session.recentPages = recentPages;
    res.send(`Logged in as ${username}`);
  });
}

export function whoami(req: Request, res: Response): void {
  res.send(`Hello, ${req.session.username ?? 'guest'}`);
}
