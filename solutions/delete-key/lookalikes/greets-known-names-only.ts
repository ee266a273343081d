/**
 * Look-alike of copy-kept-beside-session: the username is read from the session, but greeted only
 * when it logged in through this app (a set of the module's own), so the name the grader writes
 * into the store is refused as a guest's, not answered from an old copy.
 */
import type { Request, Response } from 'express';

const knownNames = new Set<string>();

export function login(req: Request, res: Response): void {
  const username: unknown = req.body.username;
  if (typeof username !== 'string' || username.trim() === '') {
    res.status(400).send('Missing username');
    return;
  }
  knownNames.add(username);
  req.session.username = username;
  res.send(`Logged in as ${username}`);
}

export function whoami(req: Request, res: Response): void {
  const name = req.session.username;
  res.send(`Hello, ${name !== undefined && knownNames.has(name) ? name : 'guest'}`);
}

export function logout(req: Request, res: Response): void {
  delete req.session.username;
  res.send('Logged out');
}
