/**
 * Look-alike of regenerates-and-merges: logout deletes the key and keeps the session, but login
 * regenerates the session (carrying the language over), so the ID changes at login, not at logout,
 * and logout saves explicitly, which stores a session for a guest too.
 */
import type { Request, Response } from 'express';

export function login(req: Request, res: Response): void {
  const username: unknown = req.body.username;
  if (typeof username !== 'string' || username.trim() === '') {
    res.status(400).send('Missing username');
    return;
  }
  const { cookie: _cookie, ...rest } = req.session;
  req.session.regenerate(() => {
    Object.assign(req.session, rest);
    req.session.username = username;
    res.send(`Logged in as ${username}`);
  });
}

export function whoami(req: Request, res: Response): void {
  res.send(`Hello, ${req.session.username ?? 'guest'}`);
}

export function logout(req: Request, res: Response): void {
  delete req.session.username;
  req.session.save(() => res.send('Logged out'));
}
