import type { Request, Response } from 'express';

export function countVisits(_req: Request, res: Response): void {
  res.send('wrong name');
}
