/**
 * Look-alike of module-variable: the last page is read from the session but never stored, so
 * every visit shows "none" and no session is ever started: the same checks fail while no visitor
 * sees another's page.
 */
import type { Request, Response } from 'express';

export function visitPage(req: Request, res: Response): void {
  res.send(`Previous page: ${req.session.lastPage ?? 'none'}`);
}
