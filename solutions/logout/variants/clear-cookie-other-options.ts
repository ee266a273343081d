/** Correct variant (adapted from https://scriptvalley.com/courses/jwt-session-auth-deep-dive/session-based-authentication/secure-session-logout-and-session-destruction): arrow functions, a 500 when destroy fails, and the cookie cleared with options (httpOnly, sameSite strict) other than the ones it was set with. */
import type { Request, Response } from 'express';

export const login = (req: Request, res: Response) => {
  const { username } = req.body;
  if (typeof username !== 'string' || username.trim() === '') return res.status(400).send('Missing username');
  req.session.username = username;
  res.send(`Logged in as ${username}`);
};

export const whoami = (req: Request, res: Response) => {
  res.send(`Hello, ${req.session.username ?? 'guest'}`);
};

export const logout = (req: Request, res: Response) => {
  req.session.destroy((err) => {
    if (err) {
      console.error('Session destroy error:', err);
      return res.status(500).send('Could not log out');
    }

    // Clear the session cookie on the client
    res.clearCookie('connect.sid', {
      httpOnly: true,
      secure: process.env.NODE_ENV === 'production',
      sameSite: 'strict',
    });

    res.send('Logged out');
  });
};
