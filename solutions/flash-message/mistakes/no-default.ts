/**
 * Known mistake: the message is shown without a default, so a visitor with no message waiting
 * reads "Message: undefined" (JavaScript's word for a key the session does not have).
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
  delete req.session.flash;
  res.send(`Message: ${message}`);
}
