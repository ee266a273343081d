import type { Request, Response } from 'express';

export function pong(_req: Request, res: Response): void {
  res.send('pong');
}
