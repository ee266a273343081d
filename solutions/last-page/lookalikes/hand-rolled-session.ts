/**
 * Look-alike of page-in-cookie: a session made by hand, a cookie of its own holding only an ID and
 * the pages in a variable of the module, so the same checks fail while no cookie holds a page.
 */
import type { Request, Response } from 'express';
import { randomUUID } from 'node:crypto';

const lastPages = new Map<string, string>();

export function visitPage(req: Request, res: Response): void {
  let id = /(?:^|; )visitor=([^;]*)/.exec(req.headers.cookie ?? '')?.[1];
  if (id === undefined) {
    id = randomUUID();
    res.cookie('visitor', id);
  }
  const previous = lastPages.get(id) ?? 'none';
  lastPages.set(id, req.path);
  res.send(`Previous page: ${previous}`);
}
