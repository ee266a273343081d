/**
 * Look-alike of remember-cookie-of-its-own: no cookie of its own, but a remembered login keeps the
 * username in a map of the module, keyed by session ID, and only a flag in the session, so the same
 * checks fail while the only cookie is the session's.
 */
import type { Request, Response } from 'express';

declare module 'express-session' {
  interface SessionData {
    remembered: boolean;
  }
}

const rememberedNames = new Map<string, string>();

export function login(req: Request, res: Response): void {
  const username: unknown = req.body.username;
  if (typeof username !== 'string' || username.trim() === '') {
    res.status(400).send('Missing username');
    return;
  }
  if (req.body.remember === 'on') {
    req.session.remembered = true;
    rememberedNames.set(req.sessionID, username);
  } else {
    req.session.username = username;
  }
  res.send(`Logged in as ${username}`);
}

export function whoami(req: Request, res: Response): void {
  res.send(`Hello, ${req.session.username ?? rememberedNames.get(req.sessionID) ?? 'guest'}`);
}
