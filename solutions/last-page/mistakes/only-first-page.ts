/**
 * Known mistake: the page is stored only when none is stored yet, so the first page sticks forever.
 */
import type { Request, Response } from 'express';

export function visitPage(req: Request, res: Response): void {
  const previous = req.session.lastPage ?? 'none';
  if (!req.session.lastPage) req.session.lastPage = req.path;
  res.send(`Previous page: ${previous}`);
}
