/**
 * Known mistake: the color is read from the query string, where a form's POST never puts it, so
 * every save is refused as missing.
 */
import type { Request, Response } from 'express';

export function saveColor(req: Request, res: Response): void {
  const color: unknown = req.query.color;
  if (typeof color !== 'string' || color.trim() === '') {
    res.status(400).send('Missing color');
    return;
  }
  req.session.color = color;
  res.send('Color saved');
}

export function showColor(req: Request, res: Response): void {
  res.send(`Favorite color: ${req.session.color ?? 'unknown'}`);
}
