import type { Request, Response } from 'express';

// What this exercise keeps in the session. The kit's own /language routes keep `language` there too.
declare module 'express-session' {
  interface SessionData {
    flash: string;
  }
}

/** POST /flash with the field `message`: keep it for the visitor's next GET /flash. */
export function saveFlash(req: Request, res: Response): void {
  // TODO: answer 400 "Missing message" when it is missing or blank;
  // otherwise store it in the session and answer "Message saved".
  res.status(501).send('Not implemented yet');
}

/** GET /flash: show the message once, then forget it. */
export function showFlash(req: Request, res: Response): void {
  // TODO: read the message, remove its key from the session, and answer "Message: <message>",
  // or "Message: none" when there is no message.
  res.status(501).send('Not implemented yet');
}
