import type { Request, Response } from 'express';

declare module 'express-session' {
  interface SessionData {
    username: string;
  }
}

/** How long a remembered login lasts: 30 days. */
const rememberForDays = 30;

export function login(req: Request, res: Response): void {
  const username: unknown = req.body.username;
  if (typeof username !== 'string' || username.trim() === '') {
    res.status(400).send('Missing username');
    return;
  }
  req.session.username = username;
  if (req.body.remember === 'on') {
    // maxAge counts milliseconds; without it the cookie lasts until the browser closes.
    req.session.cookie.maxAge = rememberForDays * 24 * 60 * 60 * 1000;
  }
  res.send(`Logged in as ${username}`);
}

export function whoami(req: Request, res: Response): void {
  res.send(`Hello, ${req.session.username ?? 'guest'}`);
}
