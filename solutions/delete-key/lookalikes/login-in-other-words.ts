/**
 * Look-alike of reads-query: the username is read from the body and stored, but the login answers
 * in other words ("Welcome, alice"), so the same checks fail with no login refused.
 */
import type { Request, Response } from 'express';

export function login(req: Request, res: Response): void {
  const username: unknown = req.body.username;
  if (typeof username !== 'string' || username.trim() === '') {
    res.status(400).send('Missing username');
    return;
  }
  req.session.username = username;
  res.send(`Welcome, ${username}`);
}

export function whoami(req: Request, res: Response): void {
  res.send(`Hello, ${req.session.username ?? 'guest'}`);
}

export function logout(req: Request, res: Response): void {
  delete req.session.username;
  res.send('Logged out');
}
