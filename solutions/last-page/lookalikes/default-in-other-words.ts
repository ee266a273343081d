/**
 * Look-alike of no-default and set-before-get: the old page is read first and given a default,
 * but in other words ("None"), so the same checks fail with no "undefined" and no current page in
 * any answer.
 */
import type { Request, Response } from 'express';

export function visitPage(req: Request, res: Response): void {
  const previous = req.session.lastPage ?? 'None';
  req.session.lastPage = req.path;
  res.send(`Previous page: ${previous}`);
}
