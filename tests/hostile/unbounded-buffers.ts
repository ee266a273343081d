import type { Request, Response } from 'express';

const hoard: Buffer[] = [];

export function countVisit(_req: Request, res: Response): void {
  for (;;) hoard.push(Buffer.alloc(32 * 1024 * 1024, 1));
  res.send('never');
}
