/**
 * Look-alike of key-mismatch: the color is stored and read under the same key, but shown in
 * capitals, so the same checks fail while the answer does show the stored color.
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
  res.send(`Favorite color: ${req.session.color?.toUpperCase() ?? 'unknown'}`);
}
