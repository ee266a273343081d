/**
 * Known mistake: "removing" the message by storing an empty string, on every read, so the key stays in the store and a passer-by gets a session.
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
  const message = req.session.flash || 'none';
  req.session.flash = '';
  res.send(`Message: ${message}`);
}
