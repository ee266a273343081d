import type { Request, Response } from 'express';

while (Date.now() > 0) {
  // spins forever
}

export function countVisit(_req: Request, res: Response): void {
  res.send('never');
}
