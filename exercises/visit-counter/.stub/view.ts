import type { Request, Response } from 'express';

// What this exercise keeps in the session; `req.session.visits` is a number or undefined.
declare module 'express-session' {
  interface SessionData {
    visits: number;
  }
}

/** GET /visits: count this visitor's visits and say how many there were. */
export function countVisit(req: Request, res: Response): void {
  // TODO: add one to the visitor's count (0 before the first visit), store it back in the
  // session, and answer "You have visited this page N times."
  res.status(501).send('Not implemented yet');
}
