/**
 * Known mistake: a copy kept beside the session. The username lives in a map of the module's own, keyed by
 * session ID, and the session gets a copy that nothing reads back: every request a browser makes
 * finds the two in step, but the map never learns what the store holds.
 */
import type { Request, Response } from 'express';

const usernames = new Map<string, string>();

export function login(req: Request, res: Response): void {
  const username: unknown = req.body.username;
  if (typeof username !== 'string' || username.trim() === '') {
    res.status(400).send('Missing username');
    return;
  }
  usernames.set(req.sessionID, username);
  req.session.username = username;
  if (req.body.remember === 'on') req.session.cookie.maxAge = 30 * 24 * 60 * 60 * 1000;
  res.send(`Logged in as ${username}`);
}

export function whoami(req: Request, res: Response): void {
  res.send(`Hello, ${usernames.get(req.sessionID) ?? 'guest'}`);
}
