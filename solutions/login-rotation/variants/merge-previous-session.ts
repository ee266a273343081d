/** Correct variant (adapted from SessionManager.prototype.logIn of jaredhanson/passport lib/sessionmanager.js, 0.6 and later, with `keepSessionInfo: true`): keeps a reference to the old session, regenerates, merges every key of the old session back (its cookie too), stores the user under `passport.user` and saves before answering. */
import type { Request, Response } from 'express';

declare module 'express-session' {
  interface SessionData {
    passport: { user?: string | number };
  }
}

function merge(a: object, b: object) {
  for (const key in b) (a as Record<string, unknown>)[key] = (b as Record<string, unknown>)[key];
  return a;
}

export function login(req: Request, res: Response) {
  const username = req.body.username;
  if (typeof username !== 'string' || username.trim() === '') return res.status(400).send('Missing username');
  const prevSession = req.session;

  // regenerate the session, which is good practice to help
  // guard against forms of session fixation
  req.session.regenerate(function (err) {
    if (err) {
      return res.status(500).send('Could not log in');
    }
    merge(req.session, prevSession);
    if (!req.session.passport) {
      req.session.passport = {};
    }
    req.session.passport.user = username;
    // save the session before answering to ensure the next request
    // does not happen before the session is saved
    req.session.save(function (err) {
      if (err) {
        return res.status(500).send('Could not log in');
      }
      res.send('Logged in as ' + username);
    });
  });
}

export function whoami(req: Request, res: Response) {
  res.send('Hello, ' + (req.session.passport?.user ?? 'guest'));
}
