import type { Request, Response } from 'express';
import type { Socket } from 'node:net';

// Counts per connection instead of per session: each browser opening its own connection would
// make this look like a session that needs no cookie.
const counts = new WeakMap<Socket, number>();

export function countVisit(req: Request, res: Response): void {
  const count = (counts.get(req.socket) ?? 0) + 1;
  counts.set(req.socket, count);
  res.send(`You have visited this page ${count} times.`);
}
