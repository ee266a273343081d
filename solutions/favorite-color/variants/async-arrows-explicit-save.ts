/** Correct variant: async arrow functions that save the session explicitly before answering. */
import type { Request, Response } from 'express';

export const saveColor = async (req: Request, res: Response): Promise<void> => {
  const { color } = req.body as { color?: string };
  if (!color?.trim()) {
    res.status(400).send('Missing color');
    return;
  }
  req.session.color = color;
  await new Promise<void>((resolve, reject) => req.session.save((error) => (error ? reject(error) : resolve())));
  res.status(200).type('text').send('Color saved\n');
};

export const showColor = async (req: Request, res: Response): Promise<void> => {
  const color = req.session.color;
  res.end(`Favorite color: ${color === undefined ? 'unknown' : color}`);
};
