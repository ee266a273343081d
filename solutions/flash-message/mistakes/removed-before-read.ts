/**
 * Known mistake: the key is deleted before it is read, so the message is never shown.
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
  delete req.session.flash;
  res.send(`Message: ${req.session.flash ?? 'none'}`);
}
