/**
 * Known mistake: once shown, the message is replaced by an empty object, as if the session held a
 * box of messages to empty, so its key stays in the store holding `{}`.
 */
import type { Request, Response } from 'express';

declare module 'express-session' {
  interface SessionData {
    notice: { text?: string };
  }
}

export function saveFlash(req: Request, res: Response): void {
  const message: unknown = req.body.message;
  if (typeof message !== 'string' || message.trim() === '') {
    res.status(400).send('Missing message');
    return;
  }
  req.session.notice = { text: message };
  res.send('Message saved');
}

export function showFlash(req: Request, res: Response): void {
  const message = req.session.notice?.text;
  if (message !== undefined) req.session.notice = {};
  res.send(`Message: ${message ?? 'none'}`);
}
