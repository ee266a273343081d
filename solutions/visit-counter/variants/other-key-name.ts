/** Correct variant: another key name, and the count kept as an object inside the session. */
import type { Request, Response } from 'express';

declare module 'express-session' {
  interface SessionData {
    stats: { pageViews: number };
  }
}

export function countVisit(req: Request, res: Response): void {
  const stats = req.session.stats ?? { pageViews: 0 };
  stats.pageViews += 1;
  req.session.stats = stats;
  res.send(`You have visited this page ${stats.pageViews} times.`);
}
