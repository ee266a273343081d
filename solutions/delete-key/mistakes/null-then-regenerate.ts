/** Known mistake (adapted from the "User login" example of expressjs/session README.md): logout sets the user to null, saves, then regenerates the session, which throws away the chosen language and hands out a new session ID. */
import type { Request, Response, NextFunction } from 'express';

declare module 'express-session' {
  interface SessionData {
    user: string | null;
  }
}

export function login(req: Request, res: Response) {
  const user = req.body.username;
  if (typeof user !== 'string' || user.trim() === '') return res.status(400).send('Missing username');
  req.session.user = user;
  res.send('Logged in as ' + user);
}

export function whoami(req: Request, res: Response) {
  res.send('Hello, ' + (req.session.user ?? 'guest'));
}

export function logout(req: Request, res: Response, next: NextFunction) {
  // clear the user from the session object and save.
  // this will ensure that re-using the old session id
  // does not have a logged in user
  req.session.user = null;
  req.session.save(function (err) {
    if (err) next(err);

    // regenerate the session, which is good practice to help
    // guard against forms of session fixation
    req.session.regenerate(function (err) {
      if (err) next(err);
      res.send('Logged out');
    });
  });
}
