/**
 * Known mistake: the count is read without a default. A new visitor's session has no count, so the
 * first visit adds 1 to `undefined` and shows "NaN" (and stores it, which JSON keeps as `null`).
 */
import type { Request, Response } from 'express';

export function countVisit(req: Request, res: Response): void {
  const visits = req.session.visits! + 1;
  req.session.visits = visits;
  res.send(`You have visited this page ${visits} times.`);
}
