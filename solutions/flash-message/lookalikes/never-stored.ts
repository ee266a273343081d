/**
 * Look-alike of reads-query: the message is read from the body and saving answers "Message
 * saved", but it is never put in the session, so the same checks fail with no message refused.
 */
import type { Request, Response } from 'express';

export function saveFlash(req: Request, res: Response): void {
  const message: unknown = req.body.message;
  if (typeof message !== 'string' || message.trim() === '') {
    res.status(400).send('Missing message');
    return;
  }
  res.send('Message saved');
}

export function showFlash(req: Request, res: Response): void {
  const message = req.session.flash;
  delete req.session.flash;
  res.send(`Message: ${message ?? 'none'}`);
}
