/** Correct variant: every key of the old session but `cookie` is copied to the new one, and the user is kept as a nested object. */
import type { Request, Response } from 'express';

declare module 'express-session' {
  interface SessionData {
    account: { name: string; since: string };
  }
}

export function login(req: Request, res: Response): void {
  const name = typeof req.body.username === 'string' ? req.body.username : '';
  if (name.trim() === '') return void res.status(400).send('Missing username');
  const { cookie: _cookie, ...kept } = req.session;
  req.session.regenerate(function (error) {
    if (error) return void res.status(500).send('Could not log in');
    Object.assign(req.session, kept);
    req.session.account = { name, since: new Date().toISOString() };
    res.send(`Logged in as ${req.session.account.name}`);
  });
}

export function whoami(req: Request, res: Response): void {
  res.send(`Hello, ${req.session.account?.name ?? 'guest'}`);
}
