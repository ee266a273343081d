/**
 * Look-alike of theme-in-cookie: a session made by hand, a cookie of its own holding only an ID and
 * the themes in a variable of the module, so the same checks fail while no cookie holds a theme.
 */
import type { Request, Response } from 'express';
import { randomUUID } from 'node:crypto';

const themes = new Map<string, string>();

function visitorId(req: Request): string | undefined {
  return /(?:^|; )visitor=([^;]*)/.exec(req.headers.cookie ?? '')?.[1];
}

export function saveTheme(req: Request, res: Response): void {
  const sent: unknown = req.body.theme;
  const theme = typeof sent === 'string' ? sent.toLowerCase() : '';
  if (theme !== 'dark' && theme !== 'light') {
    res.status(400).send('Invalid theme');
    return;
  }
  let id = visitorId(req);
  if (id === undefined) {
    id = randomUUID();
    res.cookie('visitor', id);
  }
  themes.set(id, theme);
  res.send(`Theme set to ${theme}`);
}

export function showTheme(req: Request, res: Response): void {
  const id = visitorId(req);
  res.send(`Theme: ${(id !== undefined && themes.get(id)) || 'light'}`);
}
