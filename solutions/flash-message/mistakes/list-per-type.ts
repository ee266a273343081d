/** Known mistake (adapted from jaredhanson/connect-flash lib/flash.js, as used by expressjs/express examples/connect-flash/app.js; the `flash` key renamed): messages are pushed onto a list per type, so a new message joins the one not yet shown instead of replacing it, and reading leaves an empty `{}` behind in the store. */
import type { Request, Response } from 'express';

declare module 'express-session' {
  interface SessionData {
    flashMessages: Record<string, string[]>;
  }
}

function flash(req: Request, type: string, msg?: string): number | string[] {
  const msgs = (req.session.flashMessages = req.session.flashMessages || {});
  if (type && msg) {
    return (msgs[type] = msgs[type] || []).push(msg);
  }
  const arr = msgs[type];
  delete msgs[type];
  return arr || [];
}

export function saveFlash(req: Request, res: Response) {
  const message = req.body.message;
  if (typeof message !== 'string' || message.trim() === '') return res.status(400).send('Missing message');
  flash(req, 'info', message);
  res.send('Message saved');
}

export function showFlash(req: Request, res: Response) {
  const msg = flash(req, 'info') as string[];
  res.send(`Message: ${msg.length ? msg : 'none'}`);
}
