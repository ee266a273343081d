/** Correct variant: async arrow functions, the user kept as a nested object, and an explicit save. */
import type { Request, Response } from 'express';

declare module 'express-session' {
  interface SessionData {
    account: { name: string; since: string };
  }
}

const DAY = 86_400_000;

export const login = async (req: Request, res: Response): Promise<void> => {
  const { username, remember } = req.body as { username?: string; remember?: string };
  if (!username?.trim()) return void res.status(400).send('Missing username');
  req.session.account = { name: username, since: new Date().toISOString() };
  if (remember === 'on') req.session.cookie.maxAge = 30 * DAY;
  await new Promise<void>((resolve, reject) => req.session.save((error) => (error ? reject(error) : resolve())));
  res.status(200).type('text').send(`Logged in as ${username}\n`);
};

export const whoami = async (req: Request, res: Response): Promise<void> => {
  res.end(`Hello, ${req.session.account?.name ?? 'guest'}`);
};
