/**
 * Known mistake: the password field is passed to checkPassword without checking it was sent, which throws when it is missing.
 */
import type { Request, Response } from 'express';
import { checkPassword, findUserById, findUserByName } from 'session-kit/users';

declare module 'express-session' {
  interface SessionData {
    userId: number;
  }
}

export function login(req: Request, res: Response): void {
  const user = findUserByName(req.body.username);
  if (!user || !checkPassword(user, req.body.password)) {
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
