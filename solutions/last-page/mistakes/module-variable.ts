/**
 * Known mistake: one last page in a variable of the module, shared by every visitor.
 */
import type { Request, Response } from 'express';

let lastPage: string | undefined;

export function visitPage(req: Request, res: Response): void {
  const previous = lastPage ?? 'none';
  lastPage = req.path;
  res.send(`Previous page: ${previous}`);
}
