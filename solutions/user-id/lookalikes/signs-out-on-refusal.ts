/**
 * Look-alike of stores-before-checking: nothing is stored before the check, but a refused login
 * ends the session (a sign-out of whoever was signed in), and a login with a missing field is
 * answered 400, so the same checks fail while no refused login stores an id.
 */
import type { Request, Response } from 'express';
import { checkPassword, findUserById, findUserByName } from 'session-kit/users';

export function login(req: Request, res: Response): void {
  const username: unknown = req.body.username;
  const password: unknown = req.body.password;
  if (typeof username !== 'string' || typeof password !== 'string') {
    res.status(400).send('Wrong username or password');
    return;
  }
  const user = findUserByName(username);
  if (!user || !checkPassword(user, password)) {
    req.session.destroy(() => {
      res.status(401).send('Wrong username or password');
    });
    return;
  }
  req.session.userId = user.id;
  res.send(`Welcome, ${user.displayName}`);
}

export function me(req: Request, res: Response): void {
  const user = req.session.userId === undefined ? undefined : findUserById(req.session.userId);
  res.send(user ? `Signed in as ${user.displayName}` : 'Not signed in');
}
