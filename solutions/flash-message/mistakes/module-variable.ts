/**
 * Known mistake: the message is kept in a variable of the module, shared by every visitor.
 */
import type { Request, Response } from 'express';

let pending: string | undefined;

export function saveFlash(req: Request, res: Response): void {
  const message: unknown = req.body.message;
  if (typeof message !== 'string' || message.trim() === '') {
    res.status(400).send('Missing message');
    return;
  }
  pending = message;
  res.send('Message saved');
}

export function showFlash(_req: Request, res: Response): void {
  const message = pending;
  pending = undefined;
  res.send(`Message: ${message ?? 'none'}`);
}
