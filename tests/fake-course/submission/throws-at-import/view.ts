import type { Request, Response } from 'express';

throw new Error('broken at import');

export function ping(_req: Request, res: Response): void {
  res.send('pong');
}
