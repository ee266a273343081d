import type { Request, Response } from 'express';

export function countVisit(req: Request, res: Response): void {
  const loop: { self?: unknown } = {};
  loop.self = loop;
  (req.session as unknown as { loop: unknown }).loop = loop;
  res.send('You have visited this page 1 times.');
}
