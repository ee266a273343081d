/**
 * Look-alike of key-mismatch: the count is stored and read under the same key, but as text, so
 * `"1" + 1` makes "11" (and a first visit, `"" + 1`, makes "1"): the same checks fail
 * while the stored count is shown.
 */
import type { Request, Response } from 'express';

declare module 'express-session' {
  interface SessionData {
    visitsText: string;
  }
}

export function countVisit(req: Request, res: Response): void {
  const visits = (req.session.visitsText ?? '') + 1;
  req.session.visitsText = visits;
  res.send(`You have visited this page ${visits} times.`);
}
