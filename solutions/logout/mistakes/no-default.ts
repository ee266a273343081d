/**
 * Known mistake: the greeting has no default, so a visitor nobody logged in as reads "Hello,
 * undefined" (JavaScript's word for a key the session does not have), before logging in and after
 * logging out alike.
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
  res.send(`Hello, ${req.session.username}`);
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
