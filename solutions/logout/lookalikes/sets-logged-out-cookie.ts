/**
 * Look-alike of django-cookie-name: logout destroys the session and sets a cookie of its own (a
 * note for the page that the visitor logged out) instead of clearing connect.sid: a cookie of
 * another name, but set, not cleared.
 */
import type { Request, Response } from 'express';

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
  req.session.destroy(() => {
    res.cookie('logged-out', '1');
    res.send('Logged out');
  });
}
