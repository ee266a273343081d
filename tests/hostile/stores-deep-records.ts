import type { Request, Response } from 'express';

/**
 * Fails every check of user-id, so that every known mistake's pattern matches and its evidence is
 * looked for, and each login writes session records of thousands of nested lists: evidence that
 * walked them without a bound kept the grader's one event loop for tens of seconds after the
 * checks, and another learner's checks ran out of time meanwhile.
 */
const nested = JSON.parse(`${'['.repeat(2000)}${']'.repeat(2000)}`) as unknown;

export function login(req: Request, res: Response): void {
  const store = req.sessionStore;
  const record = { cookie: req.session.cookie.toJSON(), junk: nested } as never;
  let left = 4;
  for (let write = 0; write < 4; write++) {
    store.set(req.sessionID, record, () => {
      left -= 1;
      if (left === 0) res.status(200).send('nope');
    });
  }
}

export function me(_req: Request, res: Response): void {
  res.status(200).send('nope');
}
