/**
 * Look-alike of never-removed: the message is taken out once shown, but by emptying it, and `??`
 * lets the empty string through, so the next read shows "Message: " rather than the message again:
 * the same checks fail without the message being shown twice.
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
  if (message !== undefined) req.session.flash = '';
  res.send(`Message: ${message ?? 'none'}`);
}
