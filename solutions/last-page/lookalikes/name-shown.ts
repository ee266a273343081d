/**
 * Look-alike of key-mismatch: the page is stored and read under the same key, but as its name
 * alone, shown without its path ("Previous page: home"), so the same checks fail while the stored
 * page is shown.
 */
import type { Request, Response } from 'express';

export function visitPage(req: Request, res: Response): void {
  const previous = req.session.lastPage ?? 'none';
  req.session.lastPage = String(req.params.name);
  res.send(`Previous page: ${previous}`);
}
