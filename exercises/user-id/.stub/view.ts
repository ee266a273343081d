import type { Request, Response } from 'express';
import { checkPassword, findUserById, findUserByName } from 'session-kit/users';

// What this exercise keeps in the session: the user's id, and nothing else.
declare module 'express-session' {
  interface SessionData {
    userId: number;
  }
}

/** POST /login with the fields `username` and `password`: sign the user in. */
export function login(req: Request, res: Response): void {
  // TODO: find the user with findUserByName and check the password with checkPassword.
  // When a field is missing, the user is unknown or the password is wrong, answer 401
  // "Wrong username or password" and store nothing. Otherwise store only the user's id
  // and answer "Welcome, <displayName>".
  res.status(501).send('Not implemented yet');
}

/** GET /me: say who is signed in. */
export function me(req: Request, res: Response): void {
  // TODO: look the user up by the stored id with findUserById, and answer
  // "Signed in as <displayName>", or "Not signed in" when nobody is.
  res.status(501).send('Not implemented yet');
}
