/**
 * Look-alike of no-default: the greeting has a default, but in other words ("stranger"), so the
 * same checks fail with no "undefined" in any answer.
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
  res.send(`Hello, ${req.session.username ?? 'stranger'}`);
}

export function logout(req: Request, res: Response): void {
  req.session.destroy((error) => {
    if (error) {
      res.status(500).send('Could not log out');
      return;
    }
    res.clearCookie('connect.sid');
    res.send('Logged out');
  });
}
