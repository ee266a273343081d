/**
 * Look-alike of stores-username: not the username, but the display name is kept instead of the id,
 * and the user is found again by it, so the same checks fail while no username is stored.
 */
import type { Request, Response } from 'express';
import { checkPassword, findUserByName } from 'session-kit/users';

declare module 'express-session' {
  interface SessionData {
    shownAs: string;
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
  req.session.shownAs = user.displayName;
  res.send(`Welcome, ${user.displayName}`);
}

export function me(req: Request, res: Response): void {
  res.send(req.session.shownAs ? `Signed in as ${req.session.shownAs}` : 'Not signed in');
}
