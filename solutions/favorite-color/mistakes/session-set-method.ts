/**
 * Known mistake: a `set()` method on the session, as in the course's quiz; there is none, it throws.
 */
import type { Request, Response } from 'express';

export function saveColor(req: Request, res: Response): void {
  const color: unknown = req.body.color;
  if (typeof color !== 'string' || color.trim() === '') {
    res.status(400).send('Missing color');
    return;
  }
  // @ts-expect-error -- the mistake itself: sessions have no set() method
  req.session.set('color', color);
  res.send('Color saved');
}

export function showColor(req: Request, res: Response): void {
  res.send(`Favorite color: ${req.session.color ?? 'unknown'}`);
}
