import type { Request, Response } from 'express';

export function countVisit(_req: Request, _res: Response): void {
  // forgets to answer
}
