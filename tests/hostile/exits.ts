import type { Request, Response } from 'express';

export function countVisit(_req: Request, _res: Response): void {
  process.exit(7);
}
