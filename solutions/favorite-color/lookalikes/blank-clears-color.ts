/**
 * Look-alike of blank-accepted: a blank color is refused, but the saved color is dropped first,
 * so the check that a blank changes nothing fails without a blank being stored.
 */
import type { Request, Response } from 'express';

export function saveColor(req: Request, res: Response): void {
  const color: unknown = req.body.color;
  if (typeof color !== 'string' || color.trim() === '') {
    delete req.session.color;
    res.status(400).send('Missing color');
    return;
  }
  req.session.color = color;
  res.send('Color saved');
}

export function showColor(req: Request, res: Response): void {
  res.send(`Favorite color: ${req.session.color ?? 'unknown'}`);
}
