/**
 * Look-alike of clear-cookie-only: logout clears the cookie and asks the store to destroy the
 * session too, but under the cookie's raw, signed value rather than the session ID, so nothing is
 * destroyed: the same checks fail although the server was asked to end the session.
 */
import type { Request, Response } from 'express';

export function login(req: Request, res: Response): void {
  const username: unknown = req.body.username;
  if (typeof username !== 'string' || username.trim() === '') {
    res.status(400).send('Missing username');
    return;
  }
  req.session.username = username;
  res.send(`Logged in as ${username}`);
}

export function whoami(req: Request, res: Response): void {
  res.send(`Hello, ${req.session.username ?? 'guest'}`);
}

export function logout(req: Request, res: Response): void {
  const raw = /(?:^|;\s*)connect\.sid=([^;]*)/.exec(req.headers.cookie ?? '')?.[1];
  const done = (): void => {
    res.clearCookie('connect.sid');
    res.send('Logged out');
  };
  if (raw === undefined) {
    done();
    return;
  }
  req.sessionStore.destroy(decodeURIComponent(raw), done);
}
