import type { Request, Response } from 'express';

declare module 'express-session' {
  interface SessionData {
    flash: string;
  }
}

// flash-message: correct, except that showing one message throws in a callback once its answer is
// out, which ends the app: the crash was charged to the request that found it dead (the kit's own
// POST /language, in the next check).
export function saveFlash(req: Request, res: Response): void {
  const message: unknown = req.body.message;
  if (typeof message !== 'string' || message.trim() === '') {
    res.status(400).send('Missing message');
    return;
  }
  req.session.flash = message;
  res.send('Message saved');
}

export function showFlash(req: Request, res: Response): void {
  const message = req.session.flash;
  delete req.session.flash;
  res.send(`Message: ${message ?? 'none'}`);
  if (message !== 'note-5163') return;
  res.on('finish', () =>
    setImmediate(() => {
      throw new TypeError('the flash is gone');
    }),
  );
}
