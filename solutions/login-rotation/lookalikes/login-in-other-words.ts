/**
 * Look-alike of reads-query: the username is read from the body, but the login answers in other
 * words ("Welcome, alice"), so the same checks fail while no login is refused.
 */
import type { Request, Response } from 'express';

export function login(req: Request, res: Response): void {
  const username: unknown = req.body.username;
  if (typeof username !== 'string' || username.trim() === '') {
    res.status(400).send('Missing username');
    return;
  }
  const recentPages = req.session.recentPages;
  req.session.regenerate(() => {
    if (recentPages) req.session.recentPages = recentPages;
    req.session.username = username;
    res.send(`Welcome, ${username}`);
  });
}

export function whoami(req: Request, res: Response): void {
  res.send(`Hello, ${req.session.username ?? 'guest'}`);
}
