import type { Request, Response } from 'express';

// What this exercise keeps in the session; `req.session.theme` is a string or undefined.
declare module 'express-session' {
  interface SessionData {
    theme: string;
  }
}

/** POST /theme with the field `theme`: remember "dark" or "light" for this visitor. */
export function saveTheme(req: Request, res: Response): void {
  // TODO: lowercase the field; answer 400 "Invalid theme" unless it is "dark" or "light"
  // (and change nothing then); otherwise store it in the session and answer "Theme set to <theme>".
  res.status(501).send('Not implemented yet');
}

/** GET /theme: show the visitor's theme, or "light". Only reads. */
export function showTheme(req: Request, res: Response): void {
  // TODO: answer "Theme: <theme>", with "light" when none is saved.
  res.status(501).send('Not implemented yet');
}
