import type { Request, Response } from 'express';

const hoard: number[][] = [];

export function countVisit(_req: Request, res: Response): void {
  for (;;) hoard.push(new Array(1_000_000).fill(hoard.length));
  res.send('never');
}
