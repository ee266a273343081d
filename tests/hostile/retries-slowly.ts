import type { Request, Response } from 'express';

declare module 'express-session' {
  interface SessionData {
    visits: number;
  }
}

/**
 * Counts visits correctly, but leaves unanswered the first request that counts a fourth visit (the
 * longest check's), and answers every later one just before the request's time-out: on a crowded
 * machine the check that timed out is retried alone, eleven slow requests, while every other
 * learner's checks wait.
 */
let stalled = false;

export function countVisit(req: Request, res: Response): void {
  const visits = (req.session.visits ?? 0) + 1;
  if (visits === 4 && !stalled) {
    stalled = true;
    return;
  }
  req.session.visits = visits;
  const answer = (): void => void res.send(`You have visited this page ${visits} times.`);
  if (stalled) setTimeout(answer, 1900);
  else answer();
}
