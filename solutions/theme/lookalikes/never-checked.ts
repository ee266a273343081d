/**
 * Look-alike of anything-else-is-light: the theme is not checked at all and is stored as typed, so
 * the same checks fail while nothing invalid is answered as "light".
 */
import type { Request, Response } from 'express';

export function saveTheme(req: Request, res: Response): void {
  const theme = String(req.body.theme);
  req.session.theme = theme;
  res.send(`Theme set to ${theme}`);
}

export function showTheme(req: Request, res: Response): void {
  res.send(`Theme: ${req.session.theme ?? 'light'}`);
}
