/**
 * Known mistake: a copy kept beside the session. The last page lives in a map of the module's own, keyed by
 * session ID, and the session gets a copy that nothing reads back: every request a browser makes
 * finds the two in step, but the map never learns what the store holds.
 */
import type { Request, Response } from 'express';

const lastPages = new Map<string, string>();

export function visitPage(req: Request, res: Response): void {
  const previous = lastPages.get(req.sessionID) ?? 'none';
  lastPages.set(req.sessionID, req.path);
  req.session.lastPage = req.path;
  res.send(`Previous page: ${previous}`);
}
