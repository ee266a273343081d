/** Correct variant (adapted from https://scriptvalley.com/courses/authentication-from-scratch/session-based-authentication/how-to-implement-a-remember-me-feature): a new session ID at login, 30 days through `maxAge` when asked, and otherwise `cookie.expires = false` (the documented way to say "until the browser closes"). */
import type { Request, Response } from 'express';

export const login = (req: Request, res: Response) => {
  const { username, remember } = req.body;
  if (typeof username !== 'string' || username.trim() === '') return res.status(400).send('Missing username');

  req.session.regenerate((err) => {
    if (err) return res.status(500).end();

    req.session.username = username;

    if (remember) {
      // 30 days
      req.session.cookie.maxAge = 30 * 24 * 60 * 60 * 1000;
    } else {
      // Session cookie: no maxAge. The types leave out the `false` that the documentation describes.
      (req.session.cookie as { expires: unknown }).expires = false;
    }

    res.send(`Logged in as ${username}`);
  });
};

export const whoami = (req: Request, res: Response) => {
  res.send(`Hello, ${req.session.username ?? 'guest'}`);
};
