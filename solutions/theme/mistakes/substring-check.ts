/**
 * Known mistake: the theme is checked with a substring test, so "", "ark" and other parts of "dark light" are accepted and stored.
 */
import type { Request, Response } from 'express';

export function saveTheme(req: Request, res: Response): void {
  const sent: unknown = req.body.theme;
  if (typeof sent !== 'string' || !'dark light'.includes(sent.toLowerCase())) {
    res.status(400).send('Invalid theme');
    return;
  }
  const theme = sent.toLowerCase();
  req.session.theme = theme;
  res.send(`Theme set to ${theme}`);
}

export function showTheme(req: Request, res: Response): void {
  res.send(`Theme: ${req.session.theme ?? 'light'}`);
}
