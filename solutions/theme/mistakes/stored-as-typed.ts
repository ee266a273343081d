/**
 * Known mistake: the lowercase value is checked but the value as typed is stored, so "Dark" shows as "Dark".
 */
import type { Request, Response } from 'express';

export function saveTheme(req: Request, res: Response): void {
  const theme: unknown = req.body.theme;
  if (typeof theme !== 'string' || !['dark', 'light'].includes(theme.toLowerCase())) {
    res.status(400).send('Invalid theme');
    return;
  }
  req.session.theme = theme;
  res.send(`Theme set to ${theme}`);
}

export function showTheme(req: Request, res: Response): void {
  res.send(`Theme: ${req.session.theme ?? 'light'}`);
}
