import type { Request, Response } from 'express';

// Prints as a flood does on a busy machine, a little at a time: it passes the grader's allowance
// seconds after its request's deadline, so the grader cannot wait for the allowance before it sees
// that the app is not stuck.
const line = `${'x'.repeat(1023)}\n`;

export function countVisit(_req: Request, res: Response): void {
  for (;;) {
    for (let i = 0; i < 64; i++) process.stdout.write(line);
    const until = Date.now() + 20;
    while (Date.now() < until) {
      // the processor is someone else's
    }
  }
  res.send('never');
}
