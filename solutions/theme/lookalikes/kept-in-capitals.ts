/**
 * Look-alike of copy-kept-beside-session: the theme is read from the session, but kept there in
 * capitals (the lesson keeps it in lower case), so the grader finds no "dark" to replace: the same
 * check fails without an old copy shown.
 */
import type { Request, Response } from 'express';

export function saveTheme(req: Request, res: Response): void {
  const sent: unknown = req.body.theme;
  const theme = typeof sent === 'string' ? sent.toLowerCase() : '';
  if (theme !== 'dark' && theme !== 'light') {
    res.status(400).send('Invalid theme');
    return;
  }
  req.session.theme = theme.toUpperCase();
  res.send(`Theme set to ${theme}`);
}

export function showTheme(req: Request, res: Response): void {
  res.send(`Theme: ${(req.session.theme ?? 'light').toLowerCase()}`);
}
