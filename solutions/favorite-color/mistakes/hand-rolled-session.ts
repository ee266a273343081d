/** Known mistake (adapted from furugoorin/applied-internet-tech cookies-sessions/src/cookied/cookied.js, with crypto.randomUUID for the uuid package): a session made by hand, a store in a variable of the module keyed by a `sessionId` cookie of its own, beside express-session instead of in it. */
import type { Request, Response } from 'express';
import { randomUUID } from 'node:crypto';

type HwSession = { sessionId?: string; color?: string };
const sessionStore: Record<string, HwSession> = {};

function parseCookies(req: Request) {
  const cookieHeader = req.get('Cookie');
  const hwCookies: Record<string, string | undefined> = {};
  if (cookieHeader) {
    const cookieHeaderSplit = cookieHeader.split('; ');
    for (let i = 0; i < cookieHeaderSplit.length; i++) {
      const keyValuePair = cookieHeaderSplit[i]!.split('=');
      hwCookies[keyValuePair[0]!] = keyValuePair[1];
    }
  }
  return hwCookies;
}

function manageSession(req: Request, res: Response): HwSession {
  const hwCookies = parseCookies(req);
  let sessionId = hwCookies.sessionId;
  if (!(sessionId && Object.prototype.hasOwnProperty.call(sessionStore, sessionId))) {
    sessionId = randomUUID();
    sessionStore[sessionId] = {};
    res.append('Set-Cookie', `sessionId=${sessionId}; HttpOnly`);
  }
  const hwSession = sessionStore[sessionId]!;
  hwSession.sessionId = sessionId;
  return hwSession;
}

export function saveColor(req: Request, res: Response) {
  const hwSession = manageSession(req, res);
  const color = req.body.color;
  if (typeof color !== 'string' || color.trim() === '') return res.status(400).send('Missing color');
  hwSession.color = color;
  res.send('Color saved');
}

export function showColor(req: Request, res: Response) {
  const hwSession = manageSession(req, res);
  res.send(`Favorite color: ${hwSession.color ?? 'unknown'}`);
}
