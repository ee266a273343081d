import type { Request, Response } from 'express';

export function countVisit(req: Request, res: Response): void {
  const visits = (req.session.visits ?? 0) + ;
  res.send(String(visits));
}
