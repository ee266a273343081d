/** Correct variant: async arrow functions, the user kept as a nested object, destroy wrapped in a promise, and the cookie cleared with its options spelled out. */
import type { Request, Response } from 'express';

declare module 'express-session' {
  interface SessionData {
    account: { name: string; since: string };
  }
}

export const login = async (req: Request, res: Response): Promise<void> => {
  const name = typeof req.body.username === 'string' ? req.body.username : '';
  if (!name.trim()) {
    res.status(400).send('Missing username');
    return;
  }
  req.session.account = { name, since: new Date().toISOString() };
  res.send(`Logged in as ${req.session.account.name}`);
};

export const whoami = async (req: Request, res: Response): Promise<void> => {
  res.send(`Hello, ${req.session.account?.name ?? 'guest'}`);
};

export const logout = async (req: Request, res: Response): Promise<void> => {
  await new Promise<void>((resolve, reject) => req.session.destroy((error) => (error ? reject(error) : resolve())));
  res.clearCookie('connect.sid', { path: '/', httpOnly: true, sameSite: 'lax' });
  res.send('Logged out');
};
