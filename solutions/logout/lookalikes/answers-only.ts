/**
 * Look-alike of session-null: logout answers "Logged out" and does nothing else, so the same
 * checks fail while express-session keeps the session it loaded (and touches it), where one set
 * to null is dropped without a word to the store.
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
  res.send('Logged out');
}
