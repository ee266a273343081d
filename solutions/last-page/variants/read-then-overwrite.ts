/** Correct variant (adapted from wwwsyccom/microblog routes/index.js): the old value read into a variable, the key overwritten, and the variable answered, with `undefined` shown as none. */
import type { Request, Response } from 'express';

export function visitPage(req: Request, res: Response) {
  const lastPage = req.session.lastPage;
  req.session.lastPage = req.path;
  res.send('Previous page: ' + (lastPage === undefined ? 'none' : lastPage));
}
