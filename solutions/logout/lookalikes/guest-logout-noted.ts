/**
 * Look-alike of regenerates-instead-of-destroying: logout hands out no new session; it destroys a
 * logged-in visitor's session without clearing the cookie, and for a guest notes the logout in the
 * session, which stores it: the same checks fail with the browser keeping its old ID.
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
  res.send(`Logged in as ${username}`);
}

export function whoami(req: Request, res: Response): void {
  res.send(`Hello, ${req.session.username ?? 'guest'}`);
}

export function logout(req: Request, res: Response): void {
  if (req.session.username === undefined) {
    req.session.loggedOut = true;
    res.send('Logged out');
    return;
  }
  req.session.destroy(() => res.send('Logged out'));
}
