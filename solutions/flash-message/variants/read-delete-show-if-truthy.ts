/** Correct variant (adapted from the session-persisted message middleware of expressjs/express examples/auth/index.js): the message kept under `success`, read into a variable and deleted before answering, shown only when it is truthy. */
import type { Request, Response } from 'express';

declare module 'express-session' {
  interface SessionData {
    success: string;
  }
}

export function saveFlash(req: Request, res: Response) {
  const message = req.body.message;
  if (typeof message !== 'string' || message.trim() === '') return res.status(400).send('Missing message');
  req.session.success = message;
  res.send('Message saved');
}

export function showFlash(req: Request, res: Response) {
  const msg = req.session.success;
  delete req.session.success;
  let text = 'none';
  if (msg) text = msg;
  res.send('Message: ' + text);
}
