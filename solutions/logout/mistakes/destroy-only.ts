/**
 * Known mistake: logout destroys the session but leaves the dead connect.sid cookie in the browser.
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
  req.session.destroy(() => res.send('Logged out'));
}
