import type { Request, Response } from 'express';

export function countVisit(_req: Request, res: Response): void {
  res.send('x'.repeat(16 * 1024 * 1024));
}
