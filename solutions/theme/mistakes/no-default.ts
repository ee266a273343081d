/**
 * Known mistake: the theme is shown without a default, so a visitor who chose none reads
 * "Theme: undefined" (JavaScript's word for a key the session does not have).
 */
import type { Request, Response } from 'express';

export function saveTheme(req: Request, res: Response): void {
  const sent: unknown = req.body.theme;
  const theme = typeof sent === 'string' ? sent.toLowerCase() : '';
  if (theme !== 'dark' && theme !== 'light') {
    res.status(400).send('Invalid theme');
    return;
  }
  req.session.theme = theme;
  res.send(`Theme set to ${theme}`);
}

export function showTheme(req: Request, res: Response): void {
  res.send(`Theme: ${req.session.theme}`);
}
