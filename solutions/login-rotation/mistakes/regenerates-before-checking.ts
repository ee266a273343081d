/**
 * Known mistake: the session is regenerated before the username is checked, so even a refused login changes the ID and stores an empty session.
 */
import type { Request, Response } from 'express';

export function login(req: Request, res: Response): void {
  const recentPages = req.session.recentPages;
  req.session.regenerate(() => {
    if (recentPages) req.session.recentPages = recentPages;
    const username: unknown = req.body.username;
    if (typeof username !== 'string' || username.trim() === '') {
      res.status(400).send('Missing username');
      return;
    }
    req.session.username = username;
    res.send(`Logged in as ${username}`);
  });
}

export function whoami(req: Request, res: Response): void {
  res.send(`Hello, ${req.session.username ?? 'guest'}`);
}
