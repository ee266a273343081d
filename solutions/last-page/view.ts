import type { Request, Response } from 'express';

declare module 'express-session' {
  interface SessionData {
    lastPage: string;
  }
}

export function visitPage(req: Request, res: Response): void {
  const previous = req.session.lastPage ?? 'none';
  req.session.lastPage = req.path;
  res.send(`Previous page: ${previous}`);
}
