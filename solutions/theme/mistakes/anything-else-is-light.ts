/** Known mistake (adapted from CASPER-REPSAC/project-manager router/theme.js and feature/checkTheme.js): anything but `dark` is taken as `light`, so invalid input is stored instead of refused. */
import type { Request, Response } from 'express';

declare module 'express-session' {
  interface SessionData {
    user_theme: string;
  }
}

const check = (data: string | undefined) => {
  if (!data) data = 'light';
  return data;
};

export function saveTheme(req: Request, res: Response) {
  const data = req.body.theme == 'dark' ? 'dark' : 'light';
  req.session.user_theme = data;
  res.send(`Theme set to ${data}`);
}

export function showTheme(req: Request, res: Response) {
  res.send(`Theme: ${check(req.session.user_theme)}`);
}
