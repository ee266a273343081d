/** Correct variant: async arrow functions that save the session explicitly before answering. */
import type { Request, Response } from 'express';
import * as directory from 'session-kit/users';

declare module 'express-session' {
  interface SessionData {
    userId: number;
  }
}

export const login = async (req: Request, res: Response): Promise<void> => {
  const { username, password } = req.body as Record<string, unknown>;
  if (typeof username !== 'string' || typeof password !== 'string') {
    res.status(401).send('Wrong username or password');
    return;
  }
  const user = directory.findUserByName(username);
  if (!user || !directory.checkPassword(user, password)) {
    res.status(401).send('Wrong username or password');
    return;
  }
  req.session.userId = user.id;
  await new Promise<void>((resolve, reject) => req.session.save((error) => (error ? reject(error) : resolve())));
  res.status(200).send(`Welcome, ${user.displayName}\n`);
};

export const me = async (req: Request, res: Response): Promise<void> => {
  const { userId } = req.session;
  const user = typeof userId === 'number' ? directory.findUserById(userId) : undefined;
  res.end(user === undefined ? 'Not signed in' : `Signed in as ${user.displayName}`);
};
