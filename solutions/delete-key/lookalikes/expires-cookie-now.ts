/**
 * Look-alike of destroys-session: logout destroys nothing, but makes the session's cookie expire
 * at once, so the browser drops it and the store keeps an expired session: the same checks fail
 * with no destroy asked.
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
  delete req.session.username;
  req.session.cookie.maxAge = 0;
  res.send('Logged out');
}
