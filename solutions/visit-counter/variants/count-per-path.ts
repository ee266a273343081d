/** Correct variant (adapted from the "View counter" example of expressjs/session README.md): one count per path, kept in an object keyed by the path (the README's `views` key renamed). */
import type { Request, Response } from 'express';

declare module 'express-session' {
  interface SessionData {
    viewsByPath: Record<string, number>;
  }
}

export function countVisit(req: Request, res: Response) {
  if (!req.session.viewsByPath) {
    req.session.viewsByPath = {};
  }

  const pathname = req.path;

  req.session.viewsByPath[pathname] = (req.session.viewsByPath[pathname] || 0) + 1;

  res.send('You have visited this page ' + req.session.viewsByPath[pathname] + ' times.');
}
