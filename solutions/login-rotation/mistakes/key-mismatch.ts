/**
 * Known mistake: the username is stored under one key (`userName`) and whoami reads another
 * (`username`), so the login is saved but never shown: every visitor is greeted as a guest.
 */
import type { Request, Response } from 'express';

declare module 'express-session' {
  interface SessionData {
    userName: string;
  }
}

export function login(req: Request, res: Response): void {
  const username: unknown = req.body.username;
  if (typeof username !== 'string' || username.trim() === '') {
    res.status(400).send('Missing username');
    return;
  }
  const recentPages = req.session.recentPages;
  req.session.regenerate(() => {
    if (recentPages) req.session.recentPages = recentPages;
    req.session.userName = username;
    res.send(`Logged in as ${username}`);
  });
}

export function whoami(req: Request, res: Response): void {
  res.send(`Hello, ${req.session.username ?? 'guest'}`);
}
