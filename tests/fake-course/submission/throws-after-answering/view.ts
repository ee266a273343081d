import type { Request, Response } from 'express';

export function ping(_req: Request, res: Response): void {
  res.send('pong');
  throw new Error('thrown after the answer');
}
