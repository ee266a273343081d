/**
 * Look-alike of regenerates-before-checking: the username is checked first, but a refused login
 * destroys the session (a log-out), so the same check fails while no new session is made.
 */
import type { Request, Response } from 'express';

export function login(req: Request, res: Response): void {
  const username: unknown = req.body.username;
  if (typeof username !== 'string' || username.trim() === '') {
    req.session.destroy(() => {
      res.status(400).send('Missing username');
    });
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
