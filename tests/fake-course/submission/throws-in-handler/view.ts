import type { Request, Response } from 'express';

export function ping(req: Request, res: Response): void {
  const user = (req.session as unknown as { user: { name: string } }).user;
  res.send(user.name);
}
