/**
 * Look-alike of deletes-username-only: logout keeps the session, but does not delete the username:
 * it notes that the visitor logged out, and the greeting reads the note, so the same checks fail
 * with no key taken out of the session.
 */
import type { Request, Response } from 'express';

declare module 'express-session' {
  interface SessionData {
    loggedOut: boolean;
  }
}

export function login(req: Request, res: Response): void {
  const username: unknown = req.body.username;
  if (typeof username !== 'string' || username.trim() === '') {
    res.status(400).send('Missing username');
    return;
  }
  req.session.username = username;
  req.session.loggedOut = false;
  res.send(`Logged in as ${username}`);
}

export function whoami(req: Request, res: Response): void {
  res.send(`Hello, ${req.session.loggedOut === true ? 'guest' : (req.session.username ?? 'guest')}`);
}

export function logout(req: Request, res: Response): void {
  if (req.session.username !== undefined) req.session.loggedOut = true;
  res.clearCookie('connect.sid');
  res.send('Logged out');
}
