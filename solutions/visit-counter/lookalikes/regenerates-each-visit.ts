/**
 * Look-alike of not-stored-back: the count is computed, then the session is regenerated before
 * answering, so the new, empty session is never stored: the same checks fail, but the app did ask
 * the store for something (to destroy the old session).
 */
import type { Request, Response } from 'express';

export function countVisit(req: Request, res: Response): void {
  const visits = (req.session.visits ?? 0) + 1;
  req.session.regenerate(() => {
    res.send(`You have visited this page ${visits} times.`);
  });
}
