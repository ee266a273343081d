/** Correct variant (adapted from https://initialapps.com/properly-logout-passportjs-express-session-for-single-page-app, with passport's `req.logout` written out as its lib/sessionmanager.js logOut does it): the cookie is cleared first, then the user is deleted, the session saved and regenerated, and the new session destroyed before answering. */
import type { Request, Response } from 'express';

function passportLogout(req: Request, cb: (err?: unknown) => void) {
  if (req.session.passport) {
    delete req.session.passport.user;
  }
  req.session.save(function (err) {
    if (err) return cb(err);
    req.session.regenerate(function (err) {
      if (err) return cb(err);
      cb();
    });
  });
}

export function login(req: Request, res: Response) {
  const username = req.body.username;
  if (typeof username !== 'string' || username.trim() === '') return res.status(400).send('Missing username');
  if (!req.session.passport) req.session.passport = {};
  req.session.passport.user = username;
  res.send('Logged in as ' + username);
}

export function whoami(req: Request, res: Response) {
  res.send('Hello, ' + (req.session.passport?.user ?? 'guest'));
}

export function logout(req: Request, res: Response) {
  res.clearCookie('connect.sid'); // clear the session cookie
  passportLogout(req, function (err) { // logout of passport
    if (err) console.log(err);
    req.session.destroy(function () { // destroy the session
      res.send('Logged out'); // send to the client
    });
  });
}
