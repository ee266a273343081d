/**
 * Routes the kit provides inside an exercise's app, so that checks can show what a learner's code
 * must leave alone (delete-key: logging out keeps the theme).
 */
import type { Request, Response } from 'express';

declare module 'express-session' {
  interface SessionData {
    theme: string;
  }
}

function saveTheme(req: Request, res: Response): void {
  const theme: unknown = req.body.theme;
  if (typeof theme !== 'string' || theme.trim() === '') {
    res.status(400).send('Missing theme');
    return;
  }
  req.session.theme = theme;
  res.send('Theme saved');
}

function showTheme(req: Request, res: Response): void {
  res.send(`Theme: ${req.session.theme ?? 'light'}`);
}

export const kitHandlers: Record<string, (req: Request, res: Response) => void> = {
  saveTheme,
  showTheme,
};
