import type { Request, Response } from 'express';

// What this exercise keeps in the session; `req.session.lastPage` is a string or undefined.
declare module 'express-session' {
  interface SessionData {
    lastPage: string;
  }
}

/** GET /pages/:name: say which page this visitor saw before, then remember this one. */
export function visitPage(req: Request, res: Response): void {
  // TODO: read the previous page from the session ("none" when there is none), then store this
  // page's path (`req.path`) as the last page, and answer "Previous page: <previous>".
  res.status(501).send('Not implemented yet');
}
