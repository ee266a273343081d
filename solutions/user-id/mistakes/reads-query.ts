/**
 * Known mistake: the username and the password are read from `req.query`, where a form's POST
 * does not put them, so every login is refused, the right password too.
 */
import type { Request, Response } from 'express';
import { checkPassword, findUserById, findUserByName } from 'session-kit/users';

export function login(req: Request, res: Response): void {
  const username: unknown = req.query.username;
  const password: unknown = req.query.password;
  const user = typeof username === 'string' ? findUserByName(username) : undefined;
  if (!user || typeof password !== 'string' || !checkPassword(user, password)) {
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
