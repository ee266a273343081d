/**
 * Look-alike of password-unchecked-type: nothing throws, but a login with a missing field is
 * answered 400, not 401, so the same check fails with no handler error.
 */
import type { Request, Response } from 'express';
import { checkPassword, findUserById, findUserByName } from 'session-kit/users';

export function login(req: Request, res: Response): void {
  const username: unknown = req.body.username;
  const password: unknown = req.body.password;
  if (typeof username !== 'string' || typeof password !== 'string' || username === '' || password === '') {
    res.status(400).send('Wrong username or password');
    return;
  }
  const user = findUserByName(username);
  if (!user || !checkPassword(user, password)) {
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
