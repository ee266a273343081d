/** Correct variant (adapted from carlosgarcia10001/FairyChessMaker routes/Logout.js): the user kept under `user`, and logout deletes it only when it is there, answering the same either way. */
import type { Request, Response } from 'express';

export function login(req: Request, res: Response) {
  const user = req.body.username;
  if (typeof user !== 'string' || user.trim() === '') return res.status(400).send('Missing username');
  req.session.user = user;
  res.send('Logged in as ' + user);
}

export function whoami(req: Request, res: Response) {
  res.send('Hello, ' + (req.session.user ?? 'guest'));
}

export function logout(req: Request, res: Response) {
  if (req.session.user) {
    delete req.session.user;
  }
  res.send('Logged out');
}
