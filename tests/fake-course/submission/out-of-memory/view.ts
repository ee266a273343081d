import type { Request, Response } from 'express';

const hoard: string[] = [];

export function ping(_req: Request, res: Response): void {
  for (;;) hoard.push('x'.repeat(1024) + hoard.length);
  res.send('pong');
}
