import type { Request, Response } from 'express';

// What this exercise keeps in the session; `req.session.color` is a string or undefined.
declare module 'express-session' {
  interface SessionData {
    color: string;
  }
}

/** POST /color with the field `color`: remember it for this visitor. */
export function saveColor(req: Request, res: Response): void {
  // TODO: answer 400 "Missing color" when req.body.color is missing or blank;
  // otherwise store it in the session and answer "Color saved".
  res.status(501).send('Not implemented yet');
}

/** GET /color: show the visitor's favorite color, or "unknown". */
export function showColor(req: Request, res: Response): void {
  // TODO: answer "Favorite color: <color>", with "unknown" when none is saved.
  res.status(501).send('Not implemented yet');
}
