/**
 * Known mistake: a copy kept beside the session. The count lives in a map of the module's own, keyed by
 * session ID, and the session gets a copy that nothing reads back: every request a browser makes
 * finds the two in step, but the map never learns what the store holds.
 */
import type { Request, Response } from 'express';

const counts = new Map<string, number>();

export function countVisit(req: Request, res: Response): void {
  const visits = (counts.get(req.sessionID) ?? 0) + 1;
  counts.set(req.sessionID, visits);
  req.session.visits = visits;
  res.send(`You have visited this page ${visits} times.`);
}
