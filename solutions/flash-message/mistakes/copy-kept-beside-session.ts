/**
 * Known mistake: a copy kept beside the session. The message lives in a map of the module's own, keyed by
 * session ID, and the session gets a copy that nothing reads back: every request a browser makes
 * finds the two in step, but the map never learns what the store holds.
 */
import type { Request, Response } from 'express';

const messages = new Map<string, string>();

export function saveFlash(req: Request, res: Response): void {
  const message: unknown = req.body.message;
  if (typeof message !== 'string' || message.trim() === '') {
    res.status(400).send('Missing message');
    return;
  }
  messages.set(req.sessionID, message);
  req.session.flash = message;
  res.send('Message saved');
}

export function showFlash(req: Request, res: Response): void {
  const message = messages.get(req.sessionID);
  messages.delete(req.sessionID);
  delete req.session.flash;
  res.send(`Message: ${message ?? 'none'}`);
}
