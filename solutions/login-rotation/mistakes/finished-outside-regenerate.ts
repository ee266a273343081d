/**
 * Known mistake: regenerate() is called with an empty callback, and the rest of the login (the
 * pages, the username, the answer) is done right after the call, outside the callback, before it
 * has run: it lands on the old session, which express-session saves again under the old ID once
 * the answer is sent, so the visitor keeps the ID they had and whoever planted it is logged in.
 */
import type { Request, Response } from 'express';

export function login(req: Request, res: Response): void {
  const username: unknown = req.body.username;
  if (typeof username !== 'string' || username.trim() === '') {
    res.status(400).send('Missing username');
    return;
  }
  const recentPages = req.session.recentPages;
  req.session.regenerate(() => {});
  if (recentPages) req.session.recentPages = recentPages;
  req.session.username = username;
  res.send(`Logged in as ${username}`);
}

export function whoami(req: Request, res: Response): void {
  res.send(`Hello, ${req.session.username ?? 'guest'}`);
}
