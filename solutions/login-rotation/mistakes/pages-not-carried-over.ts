/** Known mistake (adapted from the "User login" example of expressjs/session README.md): regenerates, stores the user and saves before answering, but carries nothing over, so the pages viewed before the login are lost. */
import type { Request, Response, NextFunction } from 'express';

declare module 'express-session' {
  interface SessionData {
    user: string | null;
  }
}

export function login(req: Request, res: Response, next: NextFunction) {
  const user = req.body.username;
  if (typeof user !== 'string' || user.trim() === '') return res.status(400).send('Missing username');

  // regenerate the session, which is good practice to help
  // guard against forms of session fixation
  req.session.regenerate(function (err) {
    if (err) next(err);

    // store user information in session, typically a user id
    req.session.user = user;

    // save the session before answering to ensure the next request
    // does not happen before the session is saved
    req.session.save(function (err) {
      if (err) return next(err);
      res.send('Logged in as ' + user);
    });
  });
}

export function whoami(req: Request, res: Response) {
  res.send('Hello, ' + (req.session.user ?? 'guest'));
}
