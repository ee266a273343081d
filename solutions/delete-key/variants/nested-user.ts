/** Correct variant: the user kept as a nested object, removed with one delete. */
import type { Request, Response } from 'express';

declare module 'express-session' {
  interface SessionData {
    account: { name: string; since: string };
  }
}

export function login(req: Request, res: Response): void {
  const name = typeof req.body.username === 'string' ? req.body.username.trim() : '';
  if (!name) return void res.status(400).send('Missing username');
  req.session.account = { name: req.body.username, since: new Date().toISOString() };
  res.send(`Logged in as ${req.session.account.name}`);
}

export function whoami(req: Request, res: Response): void {
  res.send(`Hello, ${req.session.account?.name ?? 'guest'}`);
}

export function logout(req: Request, res: Response): void {
  delete req.session.account;
  res.send('Logged out');
}
