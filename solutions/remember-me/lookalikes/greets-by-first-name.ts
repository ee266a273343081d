/**
 * Look-alike of copy-kept-beside-session: whoami reads the session, but greets by the name's first
 * part only (up to a dash), so the username the grader writes into the store shows cut, not as
 * an old copy.
 */
import type { Request, Response } from 'express';

export function login(req: Request, res: Response): void {
  const username: unknown = req.body.username;
  if (typeof username !== 'string' || username.trim() === '') {
    res.status(400).send('Missing username');
    return;
  }
  req.session.username = username;
  if (req.body.remember === 'on') req.session.cookie.maxAge = 30 * 24 * 60 * 60 * 1000;
  res.send(`Logged in as ${username}`);
}

export function whoami(req: Request, res: Response): void {
  res.send(`Hello, ${req.session.username?.split('-')[0] ?? 'guest'}`);
}
