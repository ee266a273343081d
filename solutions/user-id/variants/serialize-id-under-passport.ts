/** Correct variant (adapted from SessionManager.prototype.logIn of jaredhanson/passport lib/sessionmanager.js, 0.6 and later, with `serializeUser` giving `user.id` as passport's documentation does): a new session ID at login, the id kept under `passport.user`, and the session saved before answering; `me` deserializes the id with `findUserById`. */
import type { Request, Response } from 'express';
import { checkPassword, findUserById, findUserByName } from 'session-kit/users';

type User = NonNullable<ReturnType<typeof findUserByName>>;

const serializeUser = (user: User, done: (err: unknown, id?: number) => void) => done(null, user.id);

export function login(req: Request, res: Response) {
  const { username, password } = req.body;
  const user = typeof username === 'string' ? findUserByName(username) : undefined;
  if (!user || typeof password !== 'string' || !checkPassword(user, password)) {
    return res.status(401).send('Wrong username or password');
  }
  // regenerate the session, which is good practice to help
  // guard against forms of session fixation
  req.session.regenerate(function (err) {
    if (err) return res.status(500).send('Could not sign in');
    serializeUser(user, function (err, obj) {
      if (err || obj === undefined) return res.status(500).send('Could not sign in');
      if (!req.session.passport) {
        req.session.passport = {};
      }
      // store user information in session, typically a user id
      req.session.passport.user = obj;
      // save the session before answering
      req.session.save(function (err) {
        if (err) return res.status(500).send('Could not sign in');
        res.send(`Welcome, ${user.displayName}`);
      });
    });
  });
}

export function me(req: Request, res: Response) {
  const id = req.session.passport?.user;
  const user = typeof id === 'number' ? findUserById(id) : undefined;
  res.send(user ? `Signed in as ${user.displayName}` : 'Not signed in');
}
