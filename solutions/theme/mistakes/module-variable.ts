/**
 * Known mistake: one theme in a variable of the module, shared by every visitor.
 */
import type { Request, Response } from 'express';

let theme = 'light';

export function saveTheme(req: Request, res: Response): void {
  const sent: unknown = req.body.theme;
  const wanted = typeof sent === 'string' ? sent.toLowerCase() : '';
  if (wanted !== 'dark' && wanted !== 'light') {
    res.status(400).send('Invalid theme');
    return;
  }
  theme = wanted;
  res.send(`Theme set to ${theme}`);
}

export function showTheme(_req: Request, res: Response): void {
  res.send(`Theme: ${theme}`);
}
