/**
 * Known mistake: the previous page is read without a default, so a first visit shows
 * "Previous page: undefined" (JavaScript's word for a key the session does not have).
 */
import type { Request, Response } from 'express';

export function visitPage(req: Request, res: Response): void {
  const previous = req.session.lastPage;
  req.session.lastPage = req.path;
  res.send(`Previous page: ${previous}`);
}
