/**
 * Known mistake: the username typed at login is kept instead of the id, and trusted as the user's identity.
 */
import type { Request, Response } from 'express';
import { checkPassword, findUserByName } from 'session-kit/users';

declare module 'express-session' {
  interface SessionData {
    username: string;
  }
}

export function login(req: Request, res: Response): void {
  const { username, password } = req.body as { username?: unknown; password?: unknown };
  const user = typeof username === 'string' ? findUserByName(username) : undefined;
  if (!user || typeof password !== 'string' || !checkPassword(user, password)) {
    res.status(401).send('Wrong username or password');
    return;
  }
  req.session.username = username as string;
  res.send(`Welcome, ${user.displayName}`);
}

export function me(req: Request, res: Response): void {
  const user = req.session.username === undefined ? undefined : findUserByName(req.session.username);
  res.send(user ? `Signed in as ${user.displayName}` : 'Not signed in');
}
