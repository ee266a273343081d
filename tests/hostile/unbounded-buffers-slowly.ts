import type { Request, Response } from 'express';

// Allocates as a hog does on a busy machine, a little at a time: the process reaches its limit
// seconds after its request's deadline, so the grader cannot wait for the limit before it sees that
// it is not stuck.
const hoard: Buffer[] = [];

export function countVisit(_req: Request, res: Response): void {
  for (;;) {
    hoard.push(Buffer.alloc(4 * 1024 * 1024, 1));
    const until = Date.now() + 80;
    while (Date.now() < until) {
      // the processor is someone else's
    }
  }
  res.send('never');
}
