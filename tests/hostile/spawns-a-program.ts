import type { Request, Response } from 'express';
import { execSync } from 'node:child_process';

export function countVisit(req: Request, res: Response): void {
  try {
    execSync('touch /tmp/session-kit-hostile-spawn');
  } catch {
    // refused, as it should be
  }
  const visits = (req.session.visits ?? 0) + 1;
  req.session.visits = visits;
  res.send(`You have visited this page ${visits} times.`);
}
