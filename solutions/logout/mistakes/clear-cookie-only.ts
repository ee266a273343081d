/**
 * Known mistake: logout only tells the browser to drop its cookie; the server still has the session, and a copy of the cookie still logs in.
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

export function logout(_req: Request, res: Response): void {
  res.clearCookie('connect.sid');
  res.send('Logged out');
}
