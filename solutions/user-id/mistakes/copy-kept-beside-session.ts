/**
 * Known mistake: a copy kept beside the session. The signed-in user lives in a map of the module's own, keyed by
 * session ID, and the session gets a copy that nothing reads back: every request a browser makes
 * finds the two in step, but the map never learns what the store holds.
 */
import type { Request, Response } from 'express';
import { checkPassword, findUserByName, type User } from 'session-kit/users';

const signedIn = new Map<string, User>();

export function login(req: Request, res: Response): void {
  const { username, password } = req.body as { username?: unknown; password?: unknown };
  const user = typeof username === 'string' ? findUserByName(username) : undefined;
  if (!user || typeof password !== 'string' || !checkPassword(user, password)) {
    res.status(401).send('Wrong username or password');
    return;
  }
  req.session.userId = user.id;
  signedIn.set(req.sessionID, user);
  res.send(`Welcome, ${user.displayName}`);
}

export function me(req: Request, res: Response): void {
  const user = signedIn.get(req.sessionID);
  res.send(user ? `Signed in as ${user.displayName}` : 'Not signed in');
}
