/** Correct variant: a new session ID at login, and the lifetime given as an `expires` date 30 days ahead. */
import type { Request, Response } from 'express';

declare module 'express-session' {
  interface SessionData {
    username: string;
  }
}

const thirtyDaysMs = 30 * 24 * 60 * 60 * 1000;

export function login(req: Request, res: Response): void {
  const username: unknown = req.body.username;
  if (typeof username !== 'string' || !username.trim()) {
    res.status(400).send('Missing username');
    return;
  }
  const remember = req.body.remember === 'on';
  req.session.regenerate((error) => {
    if (error) {
      res.status(500).send('Could not log in');
      return;
    }
    req.session.username = username;
    if (remember) req.session.cookie.expires = new Date(Date.now() + thirtyDaysMs);
    res.send(`Logged in as ${username}`);
  });
}

export function whoami(req: Request, res: Response): void {
  const name = req.session.username;
  res.send(name ? `Hello, ${name}` : 'Hello, guest');
}
