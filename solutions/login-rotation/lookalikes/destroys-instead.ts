/**
 * Look-alike of answers-before-regenerate: the session is destroyed instead of regenerated, and
 * the answer waits for destroy's callback, so no login is ever saved and the same checks fail
 * while no answer comes before the store's reply.
 */
import type { Request, Response } from 'express';

export function login(req: Request, res: Response): void {
  const username: unknown = req.body.username;
  if (typeof username !== 'string' || username.trim() === '') {
    res.status(400).send('Missing username');
    return;
  }
  req.session.destroy(() => {
    res.send(`Logged in as ${username}`);
  });
}

export function whoami(req: Request, res: Response): void {
  res.send(`Hello, ${req.session.username ?? 'guest'}`);
}
