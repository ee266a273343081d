/**
 * Look-alike of max-age-in-seconds: `maxAge` is counted in milliseconds, but one hour is given
 * instead of 30 days, so the same checks fail while the cookie does not last 43 minutes.
 */
import type { Request, Response } from 'express';

export function login(req: Request, res: Response): void {
  const username: unknown = req.body.username;
  if (typeof username !== 'string' || username.trim() === '') {
    res.status(400).send('Missing username');
    return;
  }
  req.session.username = username;
  if (req.body.remember === 'on') req.session.cookie.maxAge = 60 * 60 * 1000;
  res.send(`Logged in as ${username}`);
}

export function whoami(req: Request, res: Response): void {
  res.send(`Hello, ${req.session.username ?? 'guest'}`);
}
