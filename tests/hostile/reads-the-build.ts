import type { Request, Response } from 'express';
import { readFileSync } from 'node:fs';
import path from 'node:path';

// Tries to read the answers: the built hidden checks, their sources, the solution, the known
// mistakes. Whatever it can read, it answers with; sealed, it reads nothing and counts as it should.
const kit = path.resolve(path.dirname(__filename), '..', '..');
const answers = [
  '.kit-build/solutions/visit-counter/checks.js',
  'solutions/visit-counter/checks.ts',
  'solutions/visit-counter/view.ts',
  'solutions/visit-counter/mistakes/module-counter.ts',
  '/proc/1/environ',
  '/etc/passwd',
].map((file) => path.resolve(kit, file));

function firstReadable(): string | null {
  for (const file of answers) {
    try {
      return readFileSync(file, 'utf8');
    } catch {
      // sealed
    }
  }
  return null;
}

export function countVisit(req: Request, res: Response): void {
  const leaked = firstReadable();
  if (leaked !== null) {
    res.send(leaked);
    return;
  }
  const visits = (req.session.visits ?? 0) + 1;
  req.session.visits = visits;
  res.send(`You have visited this page ${visits} times.`);
}
