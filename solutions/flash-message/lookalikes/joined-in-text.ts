/**
 * Look-alike of list-per-type: a new message joins the one not yet shown, but in one text, not a
 * list, and every read empties it to '', so the same checks fail with no list stored.
 */
import type { Request, Response } from 'express';

export function saveFlash(req: Request, res: Response): void {
  const message: unknown = req.body.message;
  if (typeof message !== 'string' || message.trim() === '') {
    res.status(400).send('Missing message');
    return;
  }
  req.session.flash = req.session.flash ? `${req.session.flash}; ${message}` : message;
  res.send('Message saved');
}

export function showFlash(req: Request, res: Response): void {
  const message = req.session.flash || 'none';
  req.session.flash = '';
  res.send(`Message: ${message}`);
}
