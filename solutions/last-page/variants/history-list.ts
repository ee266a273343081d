/** Correct variant: a short history list in the session, saved explicitly before answering. */
import type { Request, Response } from 'express';

declare module 'express-session' {
  interface SessionData {
    pageHistory: string[];
  }
}

export function visitPage(req: Request, res: Response): void {
  const history = req.session.pageHistory ?? [];
  const previous = history.at(-1) ?? 'none';
  req.session.pageHistory = [...history, req.originalUrl].slice(-5);
  req.session.save((error) => {
    if (error) {
      res.status(500).send('Could not save the session');
      return;
    }
    res.send(`Previous page: ${previous}`);
  });
}
