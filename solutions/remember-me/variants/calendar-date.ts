/** Correct variant: the expiry computed as a calendar date, 30 days after today with setDate(). */
import type { Request, Response } from 'express';

declare module 'express-session' {
  interface SessionData {
    username: string;
  }
}

export function login(req: Request, res: Response): void {
  const username: unknown = req.body.username;
  if (typeof username !== 'string' || username.trim() === '') {
    res.status(400).send('Missing username');
    return;
  }
  req.session.username = username;
  if (req.body.remember === 'on') {
    const expires = new Date();
    expires.setDate(expires.getDate() + 30);
    req.session.cookie.expires = expires;
  }
  res.send(`Logged in as ${username}`);
}

export function whoami(req: Request, res: Response): void {
  res.send(`Hello, ${req.session.username ?? 'guest'}`);
}
