/**
 * Known mistake: the count travels in a cookie of its own instead of the session.
 */
import type { Request, Response } from 'express';

export function countVisit(req: Request, res: Response): void {
  const sent = /(?:^|; )visits=(\d+)/.exec(req.headers.cookie ?? '')?.[1];
  const visits = Number(sent ?? 0) + 1;
  res.cookie('visits', String(visits));
  res.send(`You have visited this page ${visits} times.`);
}
