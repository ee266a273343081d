import type { Request, Response } from 'express';

export function countVisit(req: Request, res: Response): void {
  (req.session as unknown as { visits: bigint }).visits = 1n;
  res.send('You have visited this page 1 times.');
}
