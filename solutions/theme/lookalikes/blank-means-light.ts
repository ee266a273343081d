/**
 * Look-alike of substring-check: a blank or missing theme is taken as "light", so the same checks
 * fail while no part of a theme's name is accepted.
 */
import type { Request, Response } from 'express';

export function saveTheme(req: Request, res: Response): void {
  const sent: unknown = req.body.theme;
  const theme = typeof sent === 'string' && sent !== '' ? sent.toLowerCase() : 'light';
  if (theme !== 'dark' && theme !== 'light') {
    res.status(400).send('Invalid theme');
    return;
  }
  req.session.theme = theme;
  res.send(`Theme set to ${theme}`);
}

export function showTheme(req: Request, res: Response): void {
  res.send(`Theme: ${req.session.theme ?? 'light'}`);
}
