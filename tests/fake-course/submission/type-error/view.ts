import type { Request, Response } from 'express';

export function ping(_req: Request, res: Response): void {
  const answer: string = 42;
  res.send(String(answer) === '42' ? 'pong' : 'pang');
}
