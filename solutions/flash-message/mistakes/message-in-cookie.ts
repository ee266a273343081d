/**
 * Known mistake: the message travels in a cookie of its own instead of the session.
 */
import type { Request, Response } from 'express';

function cookieNamed(req: Request, name: string): string | undefined {
  const pair = (req.headers.cookie ?? '').split('; ').find((part) => part.startsWith(`${name}=`));
  return pair === undefined ? undefined : decodeURIComponent(pair.slice(name.length + 1));
}

export function saveFlash(req: Request, res: Response): void {
  const message: unknown = req.body.message;
  if (typeof message !== 'string' || message.trim() === '') {
    res.status(400).send('Missing message');
    return;
  }
  res.cookie('flash', message);
  res.send('Message saved');
}

export function showFlash(req: Request, res: Response): void {
  const message = cookieNamed(req, 'flash');
  if (message !== undefined) res.clearCookie('flash');
  res.send(`Message: ${message ?? 'none'}`);
}
