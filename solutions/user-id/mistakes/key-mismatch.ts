/**
 * Known mistake: the id is stored under one key (`userID`) and `me` reads another (`userId`),
 * so a user who signed in is told "Not signed in".
 */
import type { Request, Response } from 'express';
import { checkPassword, findUserById, findUserByName } from 'session-kit/users';

declare module 'express-session' {
  interface SessionData {
    userID: number;
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
  req.session.userID = user.id;
  res.send(`Welcome, ${user.displayName}`);
}

export function me(req: Request, res: Response): void {
  const user = req.session.userId === undefined ? undefined : findUserById(req.session.userId);
  res.send(user ? `Signed in as ${user.displayName}` : 'Not signed in');
}
