/**
 * Known mistake: the theme is stored under one key (`themeName`) and read from another (`theme`),
 * so the saved theme is never shown: every visitor reads the default "light".
 */
import type { Request, Response } from 'express';

declare module 'express-session' {
  interface SessionData {
    themeName: string;
  }
}

export function saveTheme(req: Request, res: Response): void {
  const sent: unknown = req.body.theme;
  const theme = typeof sent === 'string' ? sent.toLowerCase() : '';
  if (theme !== 'dark' && theme !== 'light') {
    res.status(400).send('Invalid theme');
    return;
  }
  req.session.themeName = theme;
  res.send(`Theme set to ${theme}`);
}

export function showTheme(req: Request, res: Response): void {
  res.send(`Theme: ${req.session.theme ?? 'light'}`);
}
