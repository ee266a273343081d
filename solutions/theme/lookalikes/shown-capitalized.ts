/**
 * Look-alike of key-mismatch: the theme is stored and read under the same key, but a chosen theme
 * is shown capitalized ("Theme: Dark"), so the same checks fail while the answer does show the
 * stored theme.
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
  const theme = req.session.theme;
  res.send(theme === undefined ? 'Theme: light' : `Theme: ${theme[0]?.toUpperCase()}${theme.slice(1)}`);
}
