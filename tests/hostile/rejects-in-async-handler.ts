import type { Request, Response } from 'express';

export async function countVisit(_req: Request, res: Response): Promise<void> {
  await Promise.resolve();
  throw new RangeError('async trouble');
  res.send('never');
}
