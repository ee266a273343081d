/**
 * Known mistake: `me` always answers "Signed in as …", with no case for a visitor who has no id:
 * a visitor nobody signed in reads "Signed in as undefined".
 */
import type { Request, Response } from 'express';
import { checkPassword, findUserById, findUserByName } from 'session-kit/users';

export function login(req: Request, res: Response): void {
  const username: unknown = req.body.username;
  const password: unknown = req.body.password;
  const user = typeof username === 'string' ? findUserByName(username) : undefined;
  if (!user || typeof password !== 'string' || !checkPassword(user, password)) {
    res.status(401).send('Wrong username or password');
    return;
  }
  req.session.userId = user.id;
  res.send(`Welcome, ${user.displayName}`);
}

export function me(req: Request, res: Response): void {
  const user = findUserById(req.session.userId as number);
  res.send(`Signed in as ${user?.displayName}`);
}
