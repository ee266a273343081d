import type { Request, Response } from 'express';

// What this exercise keeps in the session. The kit's own /viewed routes keep `recentPages` there
// too: the pages this visitor viewed, the most recent first.
declare module 'express-session' {
  interface SessionData {
    username: string;
  }
}

/** POST /login with the field `username`: log in under a new session ID, keeping the viewed pages. */
export function login(req: Request, res: Response): void {
  // TODO: answer 400 "Missing username" when it is missing or blank.
  // Otherwise keep the recently viewed pages, regenerate the session, put them back, store the
  // username, and answer "Logged in as <username>" once the new session is ready.
  res.status(501).send('Not implemented yet');
}

/** GET /whoami: greet the logged-in user, or the guest. */
export function whoami(req: Request, res: Response): void {
  // TODO: answer "Hello, <username>", or "Hello, guest" when nobody is logged in.
  res.status(501).send('Not implemented yet');
}
