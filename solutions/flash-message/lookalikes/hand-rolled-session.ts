/**
 * Look-alike of message-in-cookie: a cookie of the app's own, but holding an ID of its own making,
 * not the message, which waits in a map of the module's own.
 */
import { randomUUID } from 'node:crypto';
import type { Request, Response } from 'express';

const messages = new Map<string, string>();

function idOf(req: Request): string | undefined {
  return /(?:^|;\s*)flash-id=([^;]*)/.exec(req.headers.cookie ?? '')?.[1];
}

export function saveFlash(req: Request, res: Response): void {
  const message: unknown = req.body.message;
  if (typeof message !== 'string' || message.trim() === '') {
    res.status(400).send('Missing message');
    return;
  }
  let id = idOf(req);
  if (id === undefined) {
    id = randomUUID();
    res.cookie('flash-id', id);
  }
  messages.set(id, message);
  res.send('Message saved');
}

export function showFlash(req: Request, res: Response): void {
  const id = idOf(req);
  const message = id === undefined ? undefined : messages.get(id);
  if (id !== undefined) messages.delete(id);
  res.send(`Message: ${message ?? 'none'}`);
}
