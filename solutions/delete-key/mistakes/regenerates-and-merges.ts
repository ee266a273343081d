/**
 * Known mistake: logout saves, regenerates the session and copies the old data back without the
 * username. The language survives, but the visitor gets a new session ID, and a guest's logout
 * stores a session and sends a cookie.
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
  const { cookie: _cookie, username: _username, ...rest } = req.session;
  req.session.save(() => {
    req.session.regenerate(() => {
      Object.assign(req.session, rest);
      req.session.save(() => res.send('Logged out'));
    });
  });
}
