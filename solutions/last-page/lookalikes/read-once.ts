/**
 * Look-alike of only-first-page: the previous page is read once and then taken out of the session,
 * like a flash message, so every other visit stores nothing: the same checks fail while no older
 * page is ever shown again.
 */
import type { Request, Response } from 'express';

export function visitPage(req: Request, res: Response): void {
  const previous = req.session.lastPage;
  if (previous === undefined) req.session.lastPage = req.path;
  else delete req.session.lastPage;
  res.send(`Previous page: ${previous ?? 'none'}`);
}
