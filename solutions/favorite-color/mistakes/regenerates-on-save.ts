/**
 * Known mistake: saving a color regenerates the session first, as a login should. The color is
 * kept, but every save hands the visitor a new session ID and drops whatever else it held.
 */
import type { Request, Response } from 'express';

declare module 'express-session' {
  interface SessionData {
    color: string;
  }
}

export function saveColor(req: Request, res: Response): void {
  const color: unknown = req.body.color;
  if (typeof color !== 'string' || color.trim() === '') {
    res.status(400).send('Missing color');
    return;
  }
  req.session.regenerate(() => {
    req.session.color = color;
    res.send('Color saved');
  });
}

export function showColor(req: Request, res: Response): void {
  res.send(`Favorite color: ${req.session.color ?? 'unknown'}`);
}
