/**
 * Known mistake: the color is stored under one key (`colour`) and read from another (`color`), so
 * the saved color is never shown.
 */
import type { Request, Response } from 'express';

declare module 'express-session' {
  interface SessionData {
    colour: string;
  }
}

export function saveColor(req: Request, res: Response): void {
  const color: unknown = req.body.color;
  if (typeof color !== 'string' || color.trim() === '') {
    res.status(400).send('Missing color');
    return;
  }
  req.session.colour = color;
  res.send('Color saved');
}

export function showColor(req: Request, res: Response): void {
  res.send(`Favorite color: ${req.session.color ?? 'unknown'}`);
}
