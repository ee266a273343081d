import type { Request, Response } from 'express';

// Allocates as a hog does on a busy machine, a little at a time: its heap fills seconds after its
// request's deadline, so the grader cannot wait for the limit before it sees that it is not stuck.
const hoard: number[][] = [];

export function countVisit(_req: Request, res: Response): void {
  for (;;) {
    hoard.push(new Array(512 * 1024).fill(hoard.length));
    const until = Date.now() + 80;
    while (Date.now() < until) {
      // the processor is someone else's
    }
  }
  res.send('never');
}
