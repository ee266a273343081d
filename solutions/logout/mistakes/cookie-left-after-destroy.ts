/** Known mistake (adapted from the logout route of expressjs/express examples/auth/index.js): destroys the session and answers, but never clears the cookie, so the browser keeps sending an ID that points to nothing. */
import type { Request, Response } from 'express';

export function login(req: Request, res: Response) {
  const username = req.body.username;
  if (typeof username !== 'string' || username.trim() === '') return res.status(400).send('Missing username');
  req.session.username = username;
  res.send('Logged in as ' + username);
}

export function whoami(req: Request, res: Response) {
  res.send('Hello, ' + (req.session.username ?? 'guest'));
}

export function logout(req: Request, res: Response) {
  // destroy the user's session to log them out
  // will be re-created next request
  req.session.destroy(function () {
    res.send('Logged out');
  });
}
