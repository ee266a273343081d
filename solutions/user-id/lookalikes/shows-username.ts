/**
 * Look-alike of key-mismatch: the id is stored and read under the same key, but `me` shows the
 * username instead of the display name, so the same checks fail while the answer is no new
 * visitor's.
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
  const user = req.session.userId === undefined ? undefined : findUserById(req.session.userId);
  res.send(user ? `Signed in as ${user.username}` : 'Not signed in');
}
