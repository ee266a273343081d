import type { Request, Response } from 'express';

declare module 'express-session' {
  interface SessionData {
    visits: number;
  }
}

export function countVisit(req: Request, res: Response): void {
  const visits = (req.session.visits ?? 0) + 1;
  req.session.visits = visits;
  res.send(`You have visited this page ${visits} times.`);
}
