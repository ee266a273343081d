/**
 * Known mistake: the count is stored under one key (`visit`) and read from another (`visits`), so
 * every visit starts again from 0 and counts 1.
 */
import type { Request, Response } from 'express';

declare module 'express-session' {
  interface SessionData {
    visit: number;
  }
}

export function countVisit(req: Request, res: Response): void {
  const visits = (req.session.visits ?? 0) + 1;
  req.session.visit = visits;
  res.send(`You have visited this page ${visits} times.`);
}
