/**
 * Known mistake: reading the color writes the default into the session, so every passer-by gets one.
 */
import type { Request, Response } from 'express';

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
  req.session.color ??= 'unknown';
  res.send(`Favorite color: ${req.session.color}`);
}
