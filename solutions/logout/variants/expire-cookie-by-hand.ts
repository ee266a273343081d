/** Correct variant: the cookie expired by hand with Max-Age=0, and every answer sent with an explicit status. */
import type { Request, Response } from 'express';

export function login(req: Request, res: Response) {
  const { username } = req.body as { username?: string };
  if (!username || username.trim().length === 0) return res.status(400).send('Missing username');
  req.session.username = username;
  return res.status(200).send(`Logged in as ${username}`);
}

export function whoami(req: Request, res: Response) {
  const name = req.session.username;
  return res.status(200).send(name ? `Hello, ${name}` : 'Hello, guest');
}

export function logout(req: Request, res: Response) {
  req.session.destroy((error) => {
    if (error) return res.status(500).send('Could not log out');
    res.cookie('connect.sid', '', { maxAge: 0, path: '/' });
    return res.status(200).type('text').send('Logged out\n');
  });
}
