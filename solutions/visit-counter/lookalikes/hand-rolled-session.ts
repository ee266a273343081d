/**
 * Look-alike of count-in-cookie: a session made by hand, a cookie of its own holding only an ID and
 * the counts in a variable of the module, so the same checks fail while no cookie holds the count.
 */
import type { Request, Response } from 'express';
import { randomUUID } from 'node:crypto';

const counts: Record<string, number> = {};

export function countVisit(req: Request, res: Response): void {
  let id = /(?:^|; )visitor=([^;]*)/.exec(req.headers.cookie ?? '')?.[1];
  if (id === undefined || counts[id] === undefined) {
    id = randomUUID();
    counts[id] = 0;
    res.cookie('visitor', id);
  }
  const visits = (counts[id] ?? 0) + 1;
  counts[id] = visits;
  res.send(`You have visited this page ${visits} times.`);
}
