/**
 * Look-alike of default-written-on-read: reading writes to the session, but a note of the visit,
 * not the default color, so the same check fails while no default is stored.
 */
import type { Request, Response } from 'express';

declare module 'express-session' {
  interface SessionData {
    lastSeen: number;
  }
}

export function saveColor(req: Request, res: Response): void {
  const color: unknown = req.body.color;
  if (typeof color !== 'string' || color.trim() === '') {
    res.status(400).send('Missing color');
    return;
  }
  req.session.color = color;
  res.send('Color saved');
}

export function showColor(req: Request, res: Response): void {
  req.session.lastSeen = Date.now();
  res.send(`Favorite color: ${req.session.color ?? 'unknown'}`);
}
