import type { Request, Response } from 'express';

process.send?.({ type: 'loaded', slug: 'delete-key', port: 1 });
process.send?.({ type: 'store', id: 1, sessions: {} });
process.send?.('not even an object');

export function countVisit(req: Request, res: Response): void {
  const visits = (req.session.visits ?? 0) + 1;
  req.session.visits = visits;
  res.send(`You have visited this page ${visits} times.`);
}
