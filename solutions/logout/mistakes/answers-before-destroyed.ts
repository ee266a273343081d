/**
 * Known mistake: logout calls destroy but answers on the next lines, without waiting for its
 * callback, so "Logged out" goes out before the store has destroyed the session (and an error of
 * the store could never be told).
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
  req.session.destroy(() => {});
  res.clearCookie('connect.sid');
  res.send('Logged out');
}
