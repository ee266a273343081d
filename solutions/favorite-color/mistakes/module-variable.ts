/**
 * Known mistake: the color is kept in a variable of the module, which every visitor shares.
 */
import type { Request, Response } from 'express';

let favorite: string | undefined;

export function saveColor(req: Request, res: Response): void {
  const color: unknown = req.body.color;
  if (typeof color !== 'string' || color.trim() === '') {
    res.status(400).send('Missing color');
    return;
  }
  favorite = color;
  res.send('Color saved');
}

export function showColor(_req: Request, res: Response): void {
  res.send(`Favorite color: ${favorite ?? 'unknown'}`);
}
