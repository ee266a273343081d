import type { Request, Response } from 'express';

export function countVisit(_req: Request, res: Response): void {
  while (res.statusCode > 0) {
    // spins forever
  }
  res.send('never');
}
