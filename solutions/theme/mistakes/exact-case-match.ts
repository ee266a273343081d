/** Known mistake (adapted from Pythagora-io/echo-sphere controllers/ThemeController.js): the theme must be exactly `light` or `dark`, so `Dark` and `DARK` are refused; the session is saved explicitly before answering. */
import type { Request, Response } from 'express';

export const saveTheme = (req: Request, res: Response) => {
  const { theme } = req.body;
  if (theme !== 'light' && theme !== 'dark') {
    return res.status(400).send('Invalid theme');
  }
  req.session.theme = theme;
  req.session.save((err) => {
    if (err) {
      console.error(`Error saving session: ${err.message}`, err.stack);
      return res.status(500).send('Could not save the theme');
    }
    res.status(200).send(`Theme set to ${theme}`);
  });
};

export const showTheme = (req: Request, res: Response) => {
  res.send(`Theme: ${req.session.theme ?? 'light'}`);
};
