/**
 * Known mistake: the whole user record is kept in the session, password hash included.
 */
import type { Request, Response } from 'express';
import { checkPassword, findUserByName, type User } from 'session-kit/users';

declare module 'express-session' {
  interface SessionData {
    signedInUser: User;
  }
}

export function login(req: Request, res: Response): void {
  const { username, password } = req.body as { username?: unknown; password?: unknown };
  const user = typeof username === 'string' ? findUserByName(username) : undefined;
  if (!user || typeof password !== 'string' || !checkPassword(user, password)) {
    res.status(401).send('Wrong username or password');
    return;
  }
  req.session.signedInUser = user;
  res.send(`Welcome, ${user.displayName}`);
}

export function me(req: Request, res: Response): void {
  const user = req.session.signedInUser;
  res.send(user ? `Signed in as ${user.displayName}` : 'Not signed in');
}
