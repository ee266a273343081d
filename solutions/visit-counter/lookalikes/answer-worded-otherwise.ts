/**
 * Look-alike of shows-old-count and no-default: the count is right, but the answer says "1 time."
 * where the lesson asks for "1 times.", so the same checks fail while every count shown is right.
 */
import type { Request, Response } from 'express';

export function countVisit(req: Request, res: Response): void {
  const visits = (req.session.visits ?? 0) + 1;
  req.session.visits = visits;
  res.send(`You have visited this page ${visits} ${visits === 1 ? 'time' : 'times'}.`);
}
