/**
 * Known mistake: showing the message destroys the whole session (Django's flush), and the chosen language goes with it.
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
  const message = req.session.flash ?? 'none';
  req.session.destroy(() => res.send(`Message: ${message}`));
}
