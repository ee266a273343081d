/**
 * Look-alike of clears-whole-store: logout ends another visitor's session, but not by emptying the
 * store: it destroys the session of whoever logged in last, kept in a variable of the module,
 * rather than its own.
 */
import type { Request, Response } from 'express';

let lastLogin: string | undefined;

export function login(req: Request, res: Response): void {
  const username: unknown = req.body.username;
  if (typeof username !== 'string' || username.trim() === '') {
    res.status(400).send('Missing username');
    return;
  }
  req.session.username = username;
  lastLogin = req.sessionID;
  res.send(`Logged in as ${username}`);
}

export function whoami(req: Request, res: Response): void {
  res.send(`Hello, ${req.session.username ?? 'guest'}`);
}

export function logout(req: Request, res: Response): void {
  const done = (): void => {
    res.clearCookie('connect.sid');
    res.send('Logged out');
  };
  if (lastLogin === undefined) {
    req.session.destroy(done);
    return;
  }
  const sid = lastLogin;
  lastLogin = undefined;
  req.sessionStore.destroy(sid, done);
}
