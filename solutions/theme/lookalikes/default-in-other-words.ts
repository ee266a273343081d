/**
 * Look-alike of no-default: a default is given, but in other words ("none"), so the same checks
 * fail with no "undefined" in any answer.
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
  res.send(`Theme: ${req.session.theme ?? 'none'}`);
}
