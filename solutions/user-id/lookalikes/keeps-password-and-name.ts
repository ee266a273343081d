/**
 * Look-alike of stores-user-object: not the record, but the password typed and the display name
 * are kept beside the id, and `me` shows the name from the session, so the same checks fail
 * while no password hash is stored.
 */
import type { Request, Response } from 'express';
import { checkPassword, findUserByName } from 'session-kit/users';

declare module 'express-session' {
  interface SessionData {
    typedPassword: string;
    shownName: string;
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
  req.session.typedPassword = password;
  req.session.shownName = user.displayName;
  res.send(`Welcome, ${user.displayName}`);
}

export function me(req: Request, res: Response): void {
  res.send(req.session.shownName ? `Signed in as ${req.session.shownName}` : 'Not signed in');
}
