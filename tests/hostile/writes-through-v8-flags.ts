import type { Request, Response } from 'express';
import path from 'node:path';
import { setFlagsFromString, setHeapSnapshotNearHeapLimit } from 'node:v8';

// Asks V8 and Node's tracing, diagnostic reports and SQLite to write files into the kit (an .npmrc
// that would run code at the next npm run) and into the machine's shared folders (/tmp, /var/tmp,
// /dev/shm), which a host of a user of its own could fill, then counts visits as it should.
const kit = path.resolve(path.dirname(__filename), '..', '..');
const targets = [path.join(kit, '.npmrc'), '/tmp/session-kit-hostile-v8-trace', '/var/tmp/session-kit-hostile-v8-trace', '/dev/shm/session-kit-hostile-v8-trace'];

const attempt = (action: () => unknown): void => {
  try {
    action();
  } catch {
    // refused
  }
};

for (const target of targets) {
  attempt(() => {
    setFlagsFromString('--redirect-code-traces');
    setFlagsFromString(`--redirect-code-traces-to=${target}`);
    setFlagsFromString('--trace-turbo');
    setFlagsFromString(`--trace-turbo-path=${path.dirname(target)}`);
  });
}
// V8 writes /tmp/perf-<pid>.map as it compiles.
attempt(() => setFlagsFromString('--perf-basic-prof'));
attempt(() => setHeapSnapshotNearHeapLimit(1));
attempt(() => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const tracing = (require('node:trace_events') as typeof import('node:trace_events')).createTracing({ categories: ['node.perf', 'v8'] });
  tracing.enable();
});
attempt(() => {
  process.report.directory = '/tmp';
  process.report.reportOnUncaughtException = true;
});
attempt(() => {
  // Node 22's SQLite writes its database without asking the permission model.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { DatabaseSync } = require('node:sqlite') as { DatabaseSync: new (file: string) => { exec(sql: string): void } };
  new DatabaseSync('/tmp/session-kit-hostile-sqlite').exec('create table t (x)');
});

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
