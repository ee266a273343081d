import type { Request, Response } from 'express';

export function countVisit(_req: Request, res: Response): void {
  setTimeout(() => {
    throw new Error('thrown from a timer');
  }, 0);
  res.send('You have visited this page 1 times.');
}
