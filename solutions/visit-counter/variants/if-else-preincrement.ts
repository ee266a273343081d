/** Correct variant (adapted from expressjs/express examples/session/index.js): a counter that starts at 1 in one branch and is pre-incremented in place in the other. */
import type { Request, Response } from 'express';

declare module 'express-session' {
  interface SessionData {
    views: number;
  }
}

export function countVisit(req: Request, res: Response) {
  if (req.session.views) {
    ++req.session.views;
  } else {
    req.session.views = 1;
  }
  res.send('You have visited this page ' + req.session.views + ' times.');
}
