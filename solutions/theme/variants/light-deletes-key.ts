/** Correct variant: async handlers that keep only a dark choice (choosing light deletes the key, light being the default) and save explicitly. */
import type { Request, Response } from 'express';

const saved = (req: Request): Promise<void> =>
  new Promise((resolve, reject) => req.session.save((error) => (error ? reject(error) : resolve())));

export async function saveTheme(req: Request, res: Response): Promise<void> {
  const theme = typeof req.body.theme === 'string' ? req.body.theme.toLowerCase() : undefined;
  switch (theme) {
    case 'dark':
      req.session.theme = 'dark';
      await saved(req);
      break;
    case 'light':
      delete req.session.theme;
      break;
    default:
      res.status(400).send('Invalid theme');
      return;
  }
  res.send(`Theme set to ${theme}`);
}

export async function showTheme(req: Request, res: Response): Promise<void> {
  res.send(req.session.theme === 'dark' ? 'Theme: dark' : 'Theme: light');
}
