/**
 * Session cookies as a check sees them: the signed ID express-session sends (`s:<id>.<signature>`,
 * URL-encoded), and the broken ones an attacker would try.
 */
import { createHmac } from 'node:crypto';

/** A cookie value URL-decoded; as it came when its escapes are malformed (the app may send any bytes). */
export function decodeCookie(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** The session ID inside a `connect.sid` value, or null when it is not a signed ID. */
export function sessionIdOf(cookieValue: string | undefined): string | null {
  if (cookieValue === undefined) return null;
  const match = /^s:([^.]+)\.[A-Za-z0-9+/]+$/.exec(decodeCookie(cookieValue));
  return match?.[1] ?? null;
}

/** Whether a Set-Cookie header asks the browser to drop its cookie (it expires now, or in 1970). */
export function clearsCookie(header: string): boolean {
  return /;\s*(max-age=0|expires=thu, 01 jan 1970)/i.test(header);
}

/** The same cookie with its signature changed by one character. */
export function tamperedCookie(cookieValue: string): string {
  const decoded = decodeCookie(cookieValue);
  const last = decoded.at(-1) === 'A' ? 'B' : 'A';
  return encodeURIComponent(decoded.slice(0, -1) + last);
}

/** A cookie naming `sessionId`, signed with a secret that is not the app's. */
export function forgedCookie(sessionId: string): string {
  const signature = createHmac('sha256', 'not-the-secret').update(sessionId).digest('base64').replace(/=+$/, '');
  return encodeURIComponent(`s:${sessionId}.${signature}`);
}
