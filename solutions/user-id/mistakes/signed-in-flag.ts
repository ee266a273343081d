/**
 * Known mistake: a flag saying that someone signed in (`isLogin: 1`) is kept beside the id, and
 * `me` asks the flag first: the stored id already says it, and the session holds more than the id.
 */
import type { Request, Response } from 'express';
import { checkPassword, findUserById, findUserByName } from 'session-kit/users';

declare module 'express-session' {
  interface SessionData {
    isLogin: number;
  }
}

export function login(req: Request, res: Response): void {
  const username: unknown = req.body.username;
  const password: unknown = req.body.password;
  const user = typeof username === 'string' ? findUserByName(username) : undefined;
  if (!user || typeof password !== 'string' || !checkPassword(user, password)) {
    res.status(401).send('Wrong username or password');
    return;
  }
  req.session.userId = user.id;
  req.session.isLogin = 1;
  res.send(`Welcome, ${user.displayName}`);
}

export function me(req: Request, res: Response): void {
  const user = req.session.isLogin === 1 && req.session.userId !== undefined ? findUserById(req.session.userId) : undefined;
  res.send(user ? `Signed in as ${user.displayName}` : 'Not signed in');
}
