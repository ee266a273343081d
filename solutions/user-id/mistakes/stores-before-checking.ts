/**
 * Known mistake: the id is stored as soon as the user is found, before the password is checked, and stays there when it is wrong.
 */
import type { Request, Response } from 'express';
import { checkPassword, findUserById, findUserByName } from 'session-kit/users';

declare module 'express-session' {
  interface SessionData {
    userId: number;
  }
}

export function login(req: Request, res: Response): void {
  const user = typeof req.body.username === 'string' ? findUserByName(req.body.username) : undefined;
  if (user) req.session.userId = user.id;
  if (!user || typeof req.body.password !== 'string' || !checkPassword(user, req.body.password)) {
    res.status(401).send('Wrong username or password');
    return;
  }
  res.send(`Welcome, ${user.displayName}`);
}

export function me(req: Request, res: Response): void {
  const user = req.session.userId === undefined ? undefined : findUserById(req.session.userId);
  res.send(user ? `Signed in as ${user.displayName}` : 'Not signed in');
}
