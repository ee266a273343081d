/** Correct variant (adapted from SessionManager logIn/logOut of jaredhanson/passport lib/sessionmanager.js, 0.5 and earlier): the user kept under `passport.user`; logging out deletes only `passport.user` and leaves an empty `passport` object behind. */
import type { Request, Response } from 'express';

declare module 'express-session' {
  interface SessionData {
    passport: { user?: string | number };
  }
}

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
  if (req.session && req.session.passport) {
    delete req.session.passport.user;
  }
  res.send('Logged out');
}
