/**
 * Known mistake: login only notes the wish, and the expiry is set again on every request in whoami; changing the cookie alone never sends it again.
 */
import type { Request, Response } from 'express';

declare module 'express-session' {
  interface SessionData {
    rememberMe: boolean;
  }
}

export function login(req: Request, res: Response): void {
  const username: unknown = req.body.username;
  if (typeof username !== 'string' || username.trim() === '') {
    res.status(400).send('Missing username');
    return;
  }
  req.session.username = username;
  if (req.body.remember === 'on') req.session.rememberMe = true;
  res.send(`Logged in as ${username}`);
}

export function whoami(req: Request, res: Response): void {
  if (req.session.rememberMe) req.session.cookie.expires = new Date(Date.now() + 30 * 24 * 60 * 60 * 1000);
  res.send(`Hello, ${req.session.username ?? 'guest'}`);
}
