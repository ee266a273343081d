/** Correct variant: arrow functions, the allowed themes in a Set, the theme nested in a preferences object. */
import type { Request, Response } from 'express';

declare module 'express-session' {
  interface SessionData {
    preferences: { theme: string; changedAt: string };
  }
}

const themes = new Set(['dark', 'light']);

export const saveTheme = (req: Request, res: Response): void => {
  const wanted = `${req.body.theme ?? ''}`.toLowerCase();
  if (!themes.has(wanted)) {
    res.status(400).type('text').send('Invalid theme\n');
    return;
  }
  req.session.preferences = { theme: wanted, changedAt: new Date().toISOString() };
  res.send(`Theme set to ${req.session.preferences.theme}`);
};

export const showTheme = (req: Request, res: Response): void => {
  res.send(`Theme: ${req.session.preferences?.theme ?? 'light'}`);
};
