import net from 'node:net';
import path from 'node:path';
import type { Request, Response } from 'express';

declare module 'express-session' {
  interface SessionData {
    visits: number;
  }
}

// Listens on Unix sockets, each a file where its path says: in the kit (where a file named .npmrc
// would be read at the next npm run) and in the machine's shared folders. Node's permission model
// does not check this; then it counts visits as it should.
const kit = path.resolve(path.dirname(__filename), '..', '..');
const targets = [path.join(kit, 'session-kit-hostile-socket'), '/tmp/session-kit-hostile-socket', '/dev/shm/session-kit-hostile-socket'];
for (const target of targets) {
  try {
    net.createServer().listen(target).on('error', () => undefined);
  } catch {
    // refused
  }
  try {
    net.createServer().listen({ path: target }).on('error', () => undefined);
  } catch {
    // refused
  }
}

export function countVisit(req: Request, res: Response): void {
  const visits = (req.session.visits ?? 0) + 1;
  req.session.visits = visits;
  res.send(`You have visited this page ${visits} times.`);
}
