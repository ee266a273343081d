/** Correct variant: an async handler that awaits regenerate() and save(), with arrow functions. */
import type { Request, Response } from 'express';

const regenerate = (req: Request): Promise<void> =>
  new Promise((resolve, reject) => req.session.regenerate((error) => (error ? reject(error) : resolve())));

const save = (req: Request): Promise<void> =>
  new Promise((resolve, reject) => req.session.save((error) => (error ? reject(error) : resolve())));

export const login = async (req: Request, res: Response): Promise<void> => {
  const { username } = req.body as { username?: string };
  if (!username?.trim()) {
    res.status(400).send('Missing username');
    return;
  }
  const carried = { recentPages: req.session.recentPages };
  await regenerate(req);
  if (carried.recentPages) req.session.recentPages = carried.recentPages;
  req.session.username = username;
  await save(req);
  res.status(200).send(`Logged in as ${username}\n`);
};

export const whoami = async (req: Request, res: Response): Promise<void> => {
  const name = req.session.username;
  res.end(`Hello, ${name === undefined ? 'guest' : name}`);
};
