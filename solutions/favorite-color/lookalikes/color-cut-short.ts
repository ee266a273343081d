/**
 * Look-alike of copy-kept-beside-session: the color is read from the session, but cut to eight
 * letters, so a long color the grader writes into the store shows cut, not as an old copy.
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
  res.send(`Favorite color: ${req.session.color?.slice(0, 8) ?? 'unknown'}`);
}
