/**
 * Look-alike of default-written-on-read: showing the theme writes to the session, but a count of
 * the views, not the default theme, so the same check fails while no "light" is stored.
 */
import type { Request, Response } from 'express';

declare module 'express-session' {
  interface SessionData {
    themeViews: number;
  }
}

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
  req.session.themeViews = (req.session.themeViews ?? 0) + 1;
  res.send(`Theme: ${req.session.theme ?? 'light'}`);
}
