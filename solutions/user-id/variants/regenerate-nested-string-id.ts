/** Correct variant: a new session ID at login, and the id kept as text in a nested object, turned back into a number for the lookup. */
import type { Request, Response } from 'express';
import { checkPassword, findUserById, findUserByName } from 'session-kit/users';

declare module 'express-session' {
  interface SessionData {
    auth: { uid: string };
  }
}

export function login(req: Request, res: Response): void {
  const username = String(req.body.username ?? '');
  const password = String(req.body.password ?? '');
  const user = findUserByName(username);
  if (user === undefined || password === '' || !checkPassword(user, password)) {
    res.status(401).send('Wrong username or password');
    return;
  }
  req.session.regenerate((error) => {
    if (error) {
      res.status(500).send('Could not sign in');
      return;
    }
    req.session.auth = { uid: String(user.id) };
    res.send(`Welcome, ${user.displayName}`);
  });
}

export function me(req: Request, res: Response): void {
  const uid = req.session.auth?.uid;
  const user = uid === undefined ? undefined : findUserById(Number(uid));
  if (user === undefined) return void res.send('Not signed in');
  res.send(`Signed in as ${user.displayName}`);
}
