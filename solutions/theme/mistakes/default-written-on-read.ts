/**
 * Known mistake: showing the theme writes the default "light" into the session, starting a session for every passer-by.
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
  req.session.theme ??= 'light';
  res.send(`Theme: ${req.session.theme}`);
}
