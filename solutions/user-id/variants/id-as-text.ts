/** Correct variant: the id kept as text, and given to `findUserById` as text, which the directory accepts as well as the number. */
import type { Request, Response } from 'express';
import { checkPassword, findUserById, findUserByName } from 'session-kit/users';

declare module 'express-session' {
  interface SessionData {
    signedInAs: string;
  }
}

export function login(req: Request, res: Response): void {
  const username: unknown = req.body.username;
  const password: unknown = req.body.password;
  const user = typeof username === 'string' ? findUserByName(username) : undefined;
  if (user === undefined || typeof password !== 'string' || !checkPassword(user, password)) {
    res.status(401).send('Wrong username or password');
    return;
  }
  req.session.signedInAs = `${user.id}`;
  res.send(`Welcome, ${user.displayName}`);
}

export function me(req: Request, res: Response): void {
  const id = req.session.signedInAs;
  const user = id === undefined ? undefined : findUserById(id);
  res.send(user === undefined ? 'Not signed in' : `Signed in as ${user.displayName}`);
}
