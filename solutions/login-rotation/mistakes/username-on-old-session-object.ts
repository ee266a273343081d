/**
 * Known mistake (another form of username-before-regenerate): the session object from before the
 * login is kept in a variable, and the username is written on it inside regenerate's callback,
 * where `req.session` is already the new session: the old object is thrown away with the username.
 */
import type { Request, Response } from 'express';

export function login(req: Request, res: Response): void {
  const username: unknown = req.body.username;
  if (typeof username !== 'string' || username.trim() === '') {
    res.status(400).send('Missing username');
    return;
  }
  const session = req.session;
  const recentPages = req.session.recentPages;
  req.session.regenerate(() => {
    if (recentPages) req.session.recentPages = recentPages;
    session.username = username;
    res.send(`Logged in as ${username}`);
  });
}

export function whoami(req: Request, res: Response): void {
  res.send(`Hello, ${req.session.username ?? 'guest'}`);
}
