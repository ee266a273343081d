/**
 * Look-alike of loses-recent-pages: the pages are carried over, but the login itself is added to
 * them as a page viewed, so the same checks fail while the new session holds the pages.
 */
import type { Request, Response } from 'express';

export function login(req: Request, res: Response): void {
  const username: unknown = req.body.username;
  if (typeof username !== 'string' || username.trim() === '') {
    res.status(400).send('Missing username');
    return;
  }
  const recentPages = req.session.recentPages ?? [];
  req.session.regenerate(() => {
    req.session.recentPages = ['login', ...recentPages];
    req.session.username = username;
    res.send(`Logged in as ${username}`);
  });
}

export function whoami(req: Request, res: Response): void {
  res.send(`Hello, ${req.session.username ?? 'guest'}`);
}
