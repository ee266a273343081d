/**
 * Known mistake: the message is stored under one key (`flash`) and read, and removed, under
 * another (`flashMessage`), so it is never shown, and never removed either.
 */
import type { Request, Response } from 'express';

declare module 'express-session' {
  interface SessionData {
    flashMessage: string;
  }
}

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
  const message = req.session.flashMessage;
  delete req.session.flashMessage;
  res.send(`Message: ${message ?? 'none'}`);
}
