/**
 * Known mistake: any existing username is let in; the password is never checked.
 */
import type { Request, Response } from 'express';
import { findUserById, findUserByName } from 'session-kit/users';

declare module 'express-session' {
  interface SessionData {
    userId: number;
  }
}

export function login(req: Request, res: Response): void {
  const user = typeof req.body.username === 'string' ? findUserByName(req.body.username) : undefined;
  if (!user) {
    res.status(401).send('Wrong username or password');
    return;
  }
  req.session.userId = user.id;
  res.send(`Welcome, ${user.displayName}`);
}

export function me(req: Request, res: Response): void {
  const user = req.session.userId === undefined ? undefined : findUserById(req.session.userId);
  res.send(user ? `Signed in as ${user.displayName}` : 'Not signed in');
}
