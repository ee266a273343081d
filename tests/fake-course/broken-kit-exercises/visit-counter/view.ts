import type { Request, Response } from 'express';

// Shows the count from before this visit: a learner's off-by-one, for the report's details.
export function countVisit(req: Request, res: Response): void {
  const visits = req.session.visits ?? 0;
  req.session.visits = visits + 1;
  res.send(`You have visited this page ${visits} times.`);
}
