/**
 * Look-alike of throws-when-missing: logout insists somebody is logged in, but refuses a guest
 * with an answer of its own (400) rather than throwing, so the same checks fail with no error.
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
  if (req.session.username === undefined) {
    res.status(400).send('Nobody is logged in');
    return;
  }
  delete req.session.username;
  res.send('Logged out');
}
