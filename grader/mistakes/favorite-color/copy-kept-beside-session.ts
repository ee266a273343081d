/**
 * Known mistake: the color is stored in the session, but shown from a map of the module's own,
 * keyed by session ID, which never learns what the store holds.
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
