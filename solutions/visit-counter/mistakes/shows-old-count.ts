/**
 * Known mistake: the count shown is the one before this visit (the course's "forgetting to add 1").
 */
import type { Request, Response } from 'express';

export function countVisit(req: Request, res: Response): void {
  const visits = req.session.visits ?? 0;
  req.session.visits = visits + 1;
  res.send(`You have visited this page ${visits} times.`);
}
