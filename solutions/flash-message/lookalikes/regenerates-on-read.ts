/**
 * Look-alike of destroys-session: showing the message regenerates the session instead of
 * destroying it, so the language goes and the visitor gets a new session ID: the same checks fail
 * with a new session handed out, not an ended one.
 */
import type { Request, Response } from 'express';

export function saveFlash(req: Request, res: Response): void {
  const message: unknown = req.body.message;
  if (typeof message !== 'string' || message.trim() === '') {
    res.status(400).send('Missing message');
    return;
  }
  req.session.flash = message;
  res.send('Message saved');
}

export function showFlash(req: Request, res: Response): void {
  const message = req.session.flash;
  req.session.regenerate(() => res.send(`Message: ${message ?? 'none'}`));
}
