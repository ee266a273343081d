/**
 * Known mistake: one counter in the module, shared by every visitor.
 */
import type { Request, Response } from 'express';

let visits = 0;

export function countVisit(_req: Request, res: Response): void {
  visits += 1;
  res.send(`You have visited this page ${visits} times.`);
}
