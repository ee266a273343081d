/** Known mistake (adapted from SessionManager.prototype.logOut of jaredhanson/passport lib/sessionmanager.js, 0.6 and later, without `keepSessionInfo`): deletes `passport.user`, saves, then regenerates, so the language goes with the old session and the visitor gets a new session ID. */
import type { Request, Response } from 'express';

export function login(req: Request, res: Response) {
  const username = req.body.username;
  if (typeof username !== 'string' || username.trim() === '') return res.status(400).send('Missing username');
  if (!req.session.passport) {
    req.session.passport = {};
  }
  req.session.passport.user = username;
  res.send('Logged in as ' + username);
}

export function whoami(req: Request, res: Response) {
  res.send('Hello, ' + (req.session.passport?.user ?? 'guest'));
}

export function logout(req: Request, res: Response) {
  // clear the user from the session object and save.
  // this will ensure that re-using the old session id
  // does not have a logged in user
  if (req.session.passport) {
    delete req.session.passport.user;
  }
  req.session.save(function (err) {
    if (err) {
      return res.status(500).send('Could not log out');
    }

    // regenerate the session, which is good practice to help
    // guard against forms of session fixation
    req.session.regenerate(function (err) {
      if (err) {
        return res.status(500).send('Could not log out');
      }
      res.send('Logged out');
    });
  });
}
