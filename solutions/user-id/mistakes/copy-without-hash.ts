/**
 * Known mistake: a copy of the user without the password hash is kept, still far more than the id.
 */
import type { Request, Response } from 'express';
import { checkPassword, findUserByName, type User } from 'session-kit/users';

declare module 'express-session' {
  interface SessionData {
    profile: Omit<User, 'passwordHash'>;
  }
}

export function login(req: Request, res: Response): void {
  const { username, password } = req.body as { username?: unknown; password?: unknown };
  const user = typeof username === 'string' ? findUserByName(username) : undefined;
  if (!user || typeof password !== 'string' || !checkPassword(user, password)) {
    res.status(401).send('Wrong username or password');
    return;
  }
  const { passwordHash: _hash, ...profile } = user;
  req.session.profile = profile;
  res.send(`Welcome, ${user.displayName}`);
}

export function me(req: Request, res: Response): void {
  const profile = req.session.profile;
  res.send(profile ? `Signed in as ${profile.displayName}` : 'Not signed in');
}
