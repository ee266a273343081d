/**
 * Known mistake: the shown message is set to null instead of deleted, so its key stays in the store.
 */
import type { Request, Response } from 'express';

declare module 'express-session' {
  interface SessionData {
    flashNote: string | null;
  }
}

export function saveFlash(req: Request, res: Response): void {
  const message: unknown = req.body.message;
  if (typeof message !== 'string' || message.trim() === '') {
    res.status(400).send('Missing message');
    return;
  }
  req.session.flashNote = message;
  res.send('Message saved');
}

export function showFlash(req: Request, res: Response): void {
  const message = req.session.flashNote ?? 'none';
  if (req.session.flashNote) req.session.flashNote = null;
  res.send(`Message: ${message}`);
}
