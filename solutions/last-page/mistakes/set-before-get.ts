/**
 * Known mistake: the current page is stored before the old one is read, so the previous page is lost.
 */
import type { Request, Response } from 'express';

export function visitPage(req: Request, res: Response): void {
  req.session.lastPage = req.path;
  res.send(`Previous page: ${req.session.lastPage ?? 'none'}`);
}
