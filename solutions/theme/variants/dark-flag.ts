/** Correct variant: the choice kept as a true/false for dark instead of the theme's name. */
import type { Request, Response } from 'express';

declare module 'express-session' {
  interface SessionData {
    darkTheme: boolean;
  }
}

export function saveTheme(req: Request, res: Response): void {
  const sent: unknown = req.body.theme;
  const theme = typeof sent === 'string' ? sent.toLowerCase() : '';
  if (theme !== 'dark' && theme !== 'light') {
    res.status(400).send('Invalid theme');
    return;
  }
  req.session.darkTheme = theme === 'dark';
  res.send(`Theme set to ${theme}`);
}

export function showTheme(req: Request, res: Response): void {
  res.send(req.session.darkTheme ? 'Theme: dark' : 'Theme: light');
}
