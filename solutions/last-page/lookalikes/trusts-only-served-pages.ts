/**
 * Look-alike of copy-kept-beside-session: the last page is read from the session, but shown only
 * when the app itself served that page (a set kept in the module), so the page the grader writes
 * into the store shows as "none", not as an old copy.
 */
import type { Request, Response } from 'express';

const served = new Set<string>();

export function visitPage(req: Request, res: Response): void {
  const stored = req.session.lastPage;
  const previous = stored !== undefined && served.has(stored) ? stored : 'none';
  served.add(req.path);
  req.session.lastPage = req.path;
  res.send(`Previous page: ${previous}`);
}
