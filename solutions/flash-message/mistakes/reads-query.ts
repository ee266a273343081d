/**
 * Known mistake: the message is read from the query string, where a form's POST never puts it, so
 * every message is refused as missing.
 */
import type { Request, Response } from 'express';

export function saveFlash(req: Request, res: Response): void {
  const message: unknown = req.query.message;
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
  res.send(`Message: ${message ?? 'none'}`);
}
