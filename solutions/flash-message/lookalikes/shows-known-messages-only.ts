/**
 * Look-alike of copy-kept-beside-session: the message is read from the session, but shown only
 * when it was saved through this app (a set of the module's own), so the message the grader writes
 * into the store is refused as none, not answered from an old copy.
 */
import type { Request, Response } from 'express';

const saved = new Set<string>();

export function saveFlash(req: Request, res: Response): void {
  const message: unknown = req.body.message;
  if (typeof message !== 'string' || message.trim() === '') {
    res.status(400).send('Missing message');
    return;
  }
  saved.add(message);
  req.session.flash = message;
  res.send('Message saved');
}

export function showFlash(req: Request, res: Response): void {
  const message = req.session.flash;
  delete req.session.flash;
  res.send(`Message: ${message !== undefined && saved.has(message) ? message : 'none'}`);
}
