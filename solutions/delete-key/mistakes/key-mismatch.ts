/**
 * Known mistake: the username is stored under one key (`username`) and read from another
 * (`userName`), so the greeting never finds it: everyone is a guest.
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
  req.session.username = username;
  res.send(`Logged in as ${username}`);
}

export function whoami(req: Request, res: Response): void {
  res.send(`Hello, ${req.session.userName ?? 'guest'}`);
}

export function logout(req: Request, res: Response): void {
  delete req.session.username;
  res.send('Logged out');
}
