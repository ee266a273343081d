/** Correct variant: async arrow functions, the message kept as a nested object under another key, and an explicit save after removing it. */
import type { Request, Response } from 'express';

declare module 'express-session' {
  interface SessionData {
    flashBox: { text: string; savedAt: number };
  }
}

const saveSession = (req: Request): Promise<void> =>
  new Promise((resolve, reject) => req.session.save((error) => (error ? reject(error) : resolve())));

export const saveFlash = async (req: Request, res: Response): Promise<void> => {
  const { message } = req.body as { message?: unknown };
  if (typeof message !== 'string' || !message.trim()) {
    res.status(400).send('Missing message');
    return;
  }
  req.session.flashBox = { text: message, savedAt: Date.now() };
  await saveSession(req);
  res.send('Message saved');
};

export const showFlash = async (req: Request, res: Response): Promise<void> => {
  const box = req.session.flashBox;
  if (box === undefined) {
    res.send('Message: none');
    return;
  }
  delete req.session.flashBox;
  await saveSession(req);
  res.type('text').send(`Message: ${box.text}\n`);
};
