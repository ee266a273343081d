/**
 * Look-alike of destroy-only and django-cookie-name: logout destroys the session and clears
 * connect.sid, but for the path /logout, where the browser does not keep it: the same check fails
 * with the session cookie's own name cleared.
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
    res.clearCookie('connect.sid', { path: '/logout' });
    res.send('Logged out');
  });
}
