/**
 * Look-alike of copy-kept-beside-session: the count is read from the session, but never shown above
 * 20, so the count the grader writes into the store shows capped, not as an old copy.
 */
import type { Request, Response } from 'express';

export function countVisit(req: Request, res: Response): void {
  const visits = (req.session.visits ?? 0) + 1;
  req.session.visits = visits;
  res.send(`You have visited this page ${Math.min(visits, 20)} times.`);
}
