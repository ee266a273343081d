import fs from 'node:fs';
import type { Request, Response } from 'express';

declare module 'express-session' {
  interface SessionData {
    visits: number;
  }
}

/**
 * Writes store frames of its own at load: one record of 240 KB, then thousands of `touch` frames of
 * a few bytes each. A touch once made the grader parse and write the whole stored record again, a
 * few milliseconds each: one burst cost the grader seconds, and every learner graded beside it.
 */
const frame = (message: unknown): Buffer => {
  const body = Buffer.from(JSON.stringify(message));
  const header = Buffer.alloc(4);
  header.writeUInt32BE(body.length);
  return Buffer.concat([header, body]);
};
const big = JSON.stringify({ numbers: new Array(118_000).fill(0), cookie: { originalMaxAge: null } });
const frames = [frame({ type: 'store', id: 900_000, op: { op: 'set', sid: 'large', record: big } })];
for (let index = 1; index <= 3900; index += 1) frames.push(frame({ type: 'store', id: 900_000 + index, op: { op: 'touch', sid: 'large', record: '{"cookie":{}}' } }));
const bytes = Buffer.concat(frames);
let written = 0;
const started = Date.now();
while (written < bytes.length && Date.now() - started < 1500) {
  try {
    written += fs.writeSync(3, bytes, written, bytes.length - written);
  } catch {
    // the grader is busy reading
  }
}

export function countVisit(req: Request, res: Response): void {
  const visits = (req.session.visits ?? 0) + 1;
  req.session.visits = visits;
  res.send(`You have visited this page ${visits} times.`);
}
