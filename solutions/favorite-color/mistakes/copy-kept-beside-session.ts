/**
 * Known mistake: a copy kept beside the session. The color lives in a map of the module's own, keyed by
 * session ID, and the session gets a copy that nothing reads back: every request a browser makes
 * finds the two in step, but the map never learns what the store holds.
 */
import type { Request, Response } from 'express';

const colors = new Map<string, string>();

export function saveColor(req: Request, res: Response): void {
  const color: unknown = req.body.color;
  if (typeof color !== 'string' || color.trim() === '') {
    res.status(400).send('Missing color');
    return;
  }
  colors.set(req.sessionID, color);
  req.session.color = color;
  res.send('Color saved');
}

export function showColor(req: Request, res: Response): void {
  res.send(`Favorite color: ${colors.get(req.sessionID) ?? 'unknown'}`);
}
