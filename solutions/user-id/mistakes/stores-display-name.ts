/**
 * Known mistake: the display name is kept next to the id and shown from the session, a copy that goes stale.
 */
import type { Request, Response } from 'express';
import { checkPassword, findUserByName } from 'session-kit/users';

declare module 'express-session' {
  interface SessionData {
    userId: number;
    displayName: string;
  }
}

export function login(req: Request, res: Response): void {
  const { username, password } = req.body as { username?: unknown; password?: unknown };
  const user = typeof username === 'string' ? findUserByName(username) : undefined;
  if (!user || typeof password !== 'string' || !checkPassword(user, password)) {
    res.status(401).send('Wrong username or password');
    return;
  }
  req.session.userId = user.id;
  req.session.displayName = user.displayName;
  res.send(`Welcome, ${user.displayName}`);
}

export function me(req: Request, res: Response): void {
  res.send(req.session.displayName ? `Signed in as ${req.session.displayName}` : 'Not signed in');
}
