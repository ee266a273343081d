/**
 * Correct variant: logout assigns undefined instead of deleting. The stored session is JSON, which
 * has no undefined, so the key is gone from the store all the same.
 */
import type { Request, Response } from 'express';

declare module 'express-session' {
  interface SessionData {
    username: string;
  }
}

export function login(req: Request, res: Response): void {
  const username = typeof req.body?.username === 'string' ? req.body.username : '';
  if (username.trim().length === 0) {
    res.status(400).send('Missing username');
    return;
  }
  req.session.username = username;
  res.send(`Logged in as ${username}`);
}

export function whoami(req: Request, res: Response): void {
  res.send(`Hello, ${req.session.username || 'guest'}`);
}

export function logout(req: Request, res: Response): void {
  req.session.username = undefined;
  res.send('Logged out');
}
