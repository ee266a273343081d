import type { Request, Response } from 'express';

declare module 'express-session' {
  interface SessionData {
    username: string;
  }
}

export function login(req: Request, res: Response): void {
  const username: unknown = req.body.username;
  if (typeof username !== 'string' || username.trim() === '') {
    res.status(400).send('Missing username');
    return;
  }
  // regenerate() empties the session: keep what must survive the login.
  const recentPages = req.session.recentPages;
  req.session.regenerate((error) => {
    if (error) {
      res.status(500).send('Could not log in');
      return;
    }
    if (recentPages !== undefined) req.session.recentPages = recentPages;
    req.session.username = username;
    res.send(`Logged in as ${username}`);
  });
}

export function whoami(req: Request, res: Response): void {
  res.send(`Hello, ${req.session.username ?? 'guest'}`);
}
