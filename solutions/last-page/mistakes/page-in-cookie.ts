/**
 * Known mistake: the last page travels in a cookie of its own instead of the session.
 */
import type { Request, Response } from 'express';

export function visitPage(req: Request, res: Response): void {
  const sent = /(?:^|; )lastPage=([^;]*)/.exec(req.headers.cookie ?? '')?.[1];
  const previous = sent === undefined ? 'none' : decodeURIComponent(sent);
  res.cookie('lastPage', req.path);
  res.send(`Previous page: ${previous}`);
}
