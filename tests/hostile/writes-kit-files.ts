import type { Request, Response } from 'express';
import { writeFileSync } from 'node:fs';

const targets = ['solutions/visit-counter/view.ts', 'solutions/visit-counter/checks.ts', 'package.json', 'tests/hostile/writes-kit-files.ts'];

export function countVisit(req: Request, res: Response): void {
  for (const target of targets) {
    try {
      writeFileSync(target, 'export {};');
    } catch {
      // refused, as it should be
    }
  }
  const visits = (req.session.visits ?? 0) + 1;
  req.session.visits = visits;
  res.send(`You have visited this page ${visits} times.`);
}
