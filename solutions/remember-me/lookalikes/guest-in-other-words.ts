/**
 * Look-alike of no-default: whoami gives a default, but in other words ("stranger"), so the same
 * checks fail with no "undefined" in any answer.
 */
import type { Request, Response } from 'express';

export function login(req: Request, res: Response): void {
  const username: unknown = req.body.username;
  if (typeof username !== 'string' || username.trim() === '') {
    res.status(400).send('Missing username');
    return;
  }
  req.session.username = username;
  if (req.body.remember === 'on') req.session.cookie.maxAge = 30 * 24 * 60 * 60 * 1000;
  res.send(`Logged in as ${username}`);
}

export function whoami(req: Request, res: Response): void {
  res.send(`Hello, ${req.session.username ?? 'stranger'}`);
}
