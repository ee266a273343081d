/**
 * Look-alike of always-persistent: a login not asked to be remembered also gets a cookie with a
 * lifetime, but of one hour, not 30 days, so the same checks fail while no such login gets a
 * 30-day cookie.
 */
import type { Request, Response } from 'express';

export function login(req: Request, res: Response): void {
  const username: unknown = req.body.username;
  if (typeof username !== 'string' || username.trim() === '') {
    res.status(400).send('Missing username');
    return;
  }
  req.session.username = username;
  req.session.cookie.maxAge = req.body.remember === 'on' ? 30 * 24 * 60 * 60 * 1000 : 60 * 60 * 1000;
  res.send(`Logged in as ${username}`);
}

export function whoami(req: Request, res: Response): void {
  res.send(`Hello, ${req.session.username ?? 'guest'}`);
}
