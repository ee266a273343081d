/**
 * Known mistake: the theme is stored before it is checked, so a refused theme replaces the saved one.
 */
import type { Request, Response } from 'express';

export function saveTheme(req: Request, res: Response): void {
  const theme = String(req.body.theme).toLowerCase();
  req.session.theme = theme;
  if (theme !== 'dark' && theme !== 'light') {
    res.status(400).send('Invalid theme');
    return;
  }
  res.send(`Theme set to ${theme}`);
}

export function showTheme(req: Request, res: Response): void {
  res.send(`Theme: ${req.session.theme ?? 'light'}`);
}
