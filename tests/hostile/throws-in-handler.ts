import type { Request, Response } from 'express';

export function countVisit(req: Request, res: Response): void {
  const visits = (req.session.visits as unknown as { count: number }).count + 1;
  res.send(String(visits));
}
