/** Correct variant: an async arrow function that stores only the page's name and rebuilds the path when answering. */
import type { Request, Response } from 'express';

export const visitPage = async (req: Request, res: Response): Promise<void> => {
  const { name } = req.params as { name: string };
  const before = req.session.lastPage;
  req.session.lastPage = name;
  res.status(200).send(before === undefined ? 'Previous page: none\n' : `Previous page: /pages/${before}\n`);
};
