import type { Request, Response } from 'express';

// What this exercise keeps in the session. The kit's own /language routes keep `language` there too.
declare module 'express-session' {
  interface SessionData {
    username: string;
  }
}

/** POST /login with the field `username`: remember who is logged in. */
export function login(req: Request, res: Response): void {
  // TODO: answer 400 "Missing username" when it is missing or blank;
  // otherwise store it in the session and answer "Logged in as <username>".
  res.status(501).send('Not implemented yet');
}

/** GET /whoami: greet the logged-in user, or the guest. */
export function whoami(req: Request, res: Response): void {
  // TODO: answer "Hello, <username>", or "Hello, guest" when nobody is logged in.
  res.status(501).send('Not implemented yet');
}

/** POST /logout: forget the username, and only the username. */
export function logout(req: Request, res: Response): void {
  // TODO: remove the `username` key from the session (keep everything else)
  // and answer "Logged out", also when nobody was logged in.
  res.status(501).send('Not implemented yet');
}
