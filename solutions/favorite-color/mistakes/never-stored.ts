/**
 * Known mistake: saving checks the color and answers, but never stores it in the session.
 */
import type { Request, Response } from 'express';

export function saveColor(req: Request, res: Response): void {
  if (!req.body.color) {
    res.status(400).send('Missing color');
    return;
  }
  res.send('Color saved');
}

export function showColor(req: Request, res: Response): void {
  res.send(`Favorite color: ${req.session.color ?? 'unknown'}`);
}
