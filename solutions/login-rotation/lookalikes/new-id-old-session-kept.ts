/**
 * Look-alike of old-session-put-back: the login is saved on the old session, which is never
 * destroyed, and the visitor is then handed a new, empty session (the store's `generate`), so the
 * same checks fail while nothing is written after a destroy.
 */
import type { Request, Response } from 'express';

export function login(req: Request, res: Response): void {
  const username: unknown = req.body.username;
  if (typeof username !== 'string' || username.trim() === '') {
    res.status(400).send('Missing username');
    return;
  }
  req.session.username = username;
  req.session.save(() => {
    (req.sessionStore as unknown as { generate(req: Request): void }).generate(req);
    res.send(`Logged in as ${username}`);
  });
}

export function whoami(req: Request, res: Response): void {
  res.send(`Hello, ${req.session.username ?? 'guest'}`);
}
