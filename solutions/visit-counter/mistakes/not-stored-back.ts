/**
 * Known mistake: the new count is computed but never written back into the session.
 */
import type { Request, Response } from 'express';

export function countVisit(req: Request, res: Response): void {
  const visits = (req.session.visits ?? 0) + 1;
  res.send(`You have visited this page ${visits} times.`);
}
