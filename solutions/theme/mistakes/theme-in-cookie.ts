/**
 * Known mistake: the theme travels in a cookie of its own instead of the session.
 */
import type { Request, Response } from 'express';

export function saveTheme(req: Request, res: Response): void {
  const sent: unknown = req.body.theme;
  const theme = typeof sent === 'string' ? sent.toLowerCase() : '';
  if (theme !== 'dark' && theme !== 'light') {
    res.status(400).send('Invalid theme');
    return;
  }
  res.cookie('theme', theme);
  res.send(`Theme set to ${theme}`);
}

export function showTheme(req: Request, res: Response): void {
  const sent = /(?:^|; )theme=(dark|light)(?:;|$)/.exec(req.headers.cookie ?? '')?.[1];
  res.send(`Theme: ${sent ?? 'light'}`);
}
