import type { Request, Response } from 'express';

// What this exercise keeps in the session.
declare module 'express-session' {
  interface SessionData {
    username: string;
  }
}

/** How long a remembered login lasts: 30 days. */
const rememberForDays = 30;

/** POST /login with the field `username`, and `remember=on` to stay logged in for 30 days. */
export function login(req: Request, res: Response): void {
  // TODO: answer 400 "Missing username" when it is missing or blank.
  // Otherwise store the username; when the field `remember` is "on", make the session cookie
  // last `rememberForDays` days (req.session.cookie.maxAge counts milliseconds).
  // Answer "Logged in as <username>".
  res.status(501).send('Not implemented yet');
}

/** GET /whoami: greet the logged-in user, or the guest. */
export function whoami(req: Request, res: Response): void {
  // TODO: answer "Hello, <username>", or "Hello, guest" when nobody is logged in.
  res.status(501).send('Not implemented yet');
}
