/** Known mistake (adapted from the login code first posted in expressjs/session issue #865): the username is written on the old session, and after regenerate the old session object is put back as `req.session`, so the login lands on the old session ID instead of the new one. */
import type { Request, Response } from 'express';

export const login = async (req: Request, res: Response) => {
  const username = req.body.username;
  if (typeof username !== 'string' || username.trim() === '') return res.status(400).send('Missing username');
  req.session.username = username;
  const sessionData = req.session;
  await new Promise<void>((resolve, reject) => {
    req.session.regenerate((err) => {
      if (err) {
        reject(err);
      } else {
        resolve();
      }
    });
  });
  req.session = sessionData;
  res.send(`Logged in as ${username}`);
};

export function whoami(req: Request, res: Response) {
  res.send(`Hello, ${req.session.username ?? 'guest'}`);
}
