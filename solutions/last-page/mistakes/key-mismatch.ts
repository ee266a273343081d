/**
 * Known mistake: the page is stored under one key (`lastpage`) and read from another (`lastPage`),
 * so every visit shows "Previous page: none".
 */
import type { Request, Response } from 'express';

declare module 'express-session' {
  interface SessionData {
    lastpage: string;
  }
}

export function visitPage(req: Request, res: Response): void {
  const previous = req.session.lastPage ?? 'none';
  req.session.lastpage = req.path;
  res.send(`Previous page: ${previous}`);
}
