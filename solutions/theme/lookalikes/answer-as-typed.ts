/**
 * Look-alike of stored-as-typed and exact-case-match: the lowercase theme is checked and stored,
 * but the answer repeats the field as typed ("Theme set to Dark"), so the same check fails while
 * the store holds "dark" and no capitals are refused.
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
  res.send(`Theme set to ${String(sent)}`);
}

export function showTheme(req: Request, res: Response): void {
  res.send(`Theme: ${req.session.theme ?? 'light'}`);
}
