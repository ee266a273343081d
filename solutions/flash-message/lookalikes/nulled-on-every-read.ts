/**
 * Look-alike of emptied-not-removed: every read leaves the key in the store, but set to null
 * rather than to an empty string, so the same checks fail with no empty string stored.
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
  req.session.flashNote = null;
  res.send(`Message: ${message}`);
}
