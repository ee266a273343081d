/**
 * Known mistake: a copy kept beside the session. The theme lives in a map of the module's own, keyed by
 * session ID, and the session gets a copy that nothing reads back: every request a browser makes
 * finds the two in step, but the map never learns what the store holds.
 */
import type { Request, Response } from 'express';

const themes = new Map<string, string>();

export function saveTheme(req: Request, res: Response): void {
  const sent: unknown = req.body.theme;
  const theme = typeof sent === 'string' ? sent.toLowerCase() : '';
  if (theme !== 'dark' && theme !== 'light') {
    res.status(400).send('Invalid theme');
    return;
  }
  themes.set(req.sessionID, theme);
  req.session.theme = theme;
  res.send(`Theme set to ${theme}`);
}

export function showTheme(req: Request, res: Response): void {
  res.send(`Theme: ${themes.get(req.sessionID) ?? 'light'}`);
}
