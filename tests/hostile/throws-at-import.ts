import type { Request, Response } from 'express';

throw new Error('broken before anything runs');

export function countVisit(_req: Request, res: Response): void {
  res.send('never');
}
