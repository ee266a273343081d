/** Known mistake (adapted from expressjs/express examples/cookie-sessions/index.js): the count is post-incremented, so the answer shows the count from before this visit (0 on the first). */
import type { Request, Response } from 'express';

declare module 'express-session' {
  interface SessionData {
    count: number;
  }
}

export function countVisit(req: Request, res: Response) {
  req.session.count = req.session.count || 0;
  const n = req.session.count++;
  res.send('You have visited this page ' + n + ' times.');
}
