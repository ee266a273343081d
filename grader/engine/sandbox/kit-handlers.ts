/**
 * Routes the kit provides inside an exercise's app, so that checks can show what a learner's code
 * must keep or end: a language preference (delete-key and flash-message keep it, logout ends it)
 * and the pages recently viewed (login-rotation carries them over to the new session).
 *
 * This file ships in every learner's copy, so it keeps data that no exercise teaches: nothing here
 * answers an exercise's routes or texts.
 */
import type { Request, Response } from 'express';

declare module 'express-session' {
  interface SessionData {
    language: string;
    recentPages: string[];
  }
}

/** The languages a visitor may choose; the first is shown until one is chosen. */
const languages: readonly string[] = ['en', 'fr', 'de', 'es'];

/** How many recently viewed pages are kept, the most recent first. */
const recentLimit = 3;

/** A field of the request's body, whatever body (or none) was sent. */
function field(req: Request, name: string): unknown {
  const body: unknown = req.body;
  return typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[name] : undefined;
}

/** The chosen language, or the default when none is stored (or the learner's code left something else). */
function languageOf(req: Request): string {
  const stored: unknown = req.session.language;
  return typeof stored === 'string' && languages.includes(stored) ? stored : (languages[0] as string);
}

/** The pages as stored, or none when the learner's code left something else under `recentPages`. */
function recentPagesOf(req: Request): string[] {
  const stored: unknown = req.session.recentPages;
  return Array.isArray(stored) ? stored.filter((page): page is string => typeof page === 'string') : [];
}

/** POST /language with the field `language`: one of the codes above, exactly. */
function saveLanguage(req: Request, res: Response): void {
  const language = field(req, 'language');
  if (typeof language !== 'string' || !languages.includes(language)) {
    res.status(400).send(`Unknown language: choose ${languages.slice(0, -1).join(', ')} or ${languages.at(-1)}`);
    return;
  }
  req.session.language = language;
  res.send(`Language set to ${language}`);
}

/** GET /language. */
function showLanguage(req: Request, res: Response): void {
  res.send(`Language: ${languageOf(req)}`);
}

/** POST /viewed with the field `page`: the page goes first, once, and the oldest beyond the limit go. */
function addRecentPage(req: Request, res: Response): void {
  const sent = field(req, 'page');
  const page = typeof sent === 'string' ? sent.trim() : '';
  if (page === '') {
    res.status(400).send('Missing page');
    return;
  }
  req.session.recentPages = [page, ...recentPagesOf(req).filter((seen) => seen !== page)].slice(0, recentLimit);
  res.send(`Viewed ${page}`);
}

/** GET /viewed: the most recent first. */
function showRecentPages(req: Request, res: Response): void {
  const pages = recentPagesOf(req);
  res.send(`Recently viewed: ${pages.length === 0 ? 'none' : pages.join(', ')}`);
}

export const kitHandlers: Record<string, (req: Request, res: Response) => void> = {
  saveLanguage,
  showLanguage,
  addRecentPage,
  showRecentPages,
};
