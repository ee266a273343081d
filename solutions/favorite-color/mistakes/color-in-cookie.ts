/**
 * Known mistake: the color itself is sent to the browser in a cookie of its own.
 */
import type { Request, Response } from 'express';

function colorCookie(req: Request): string | undefined {
  const pair = (req.headers.cookie ?? '').split('; ').find((part) => part.startsWith('color='));
  return pair && decodeURIComponent(pair.slice('color='.length));
}

export function saveColor(req: Request, res: Response): void {
  const color: unknown = req.body.color;
  if (typeof color !== 'string' || color.trim() === '') {
    res.status(400).send('Missing color');
    return;
  }
  res.cookie('color', color);
  res.send('Color saved');
}

export function showColor(req: Request, res: Response): void {
  res.send(`Favorite color: ${colorCookie(req) ?? 'unknown'}`);
}
