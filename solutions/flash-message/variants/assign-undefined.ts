/** Correct variant: the key is cleared by assigning undefined, which the store leaves out like a deleted key. */
import type { Request, Response } from 'express';

export function saveFlash(req: Request, res: Response) {
  const text = String(req.body.message ?? '');
  if (text.trim().length === 0) return res.status(400).send('Missing message');
  req.session.flash = text;
  return res.send('Message saved');
}

export function showFlash(req: Request, res: Response) {
  const { flash } = req.session;
  if (flash !== undefined) req.session.flash = undefined;
  return res.send(flash === undefined ? 'Message: none' : `Message: ${flash}`);
}
