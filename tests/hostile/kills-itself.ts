import type { Request, Response } from 'express';

export function countVisit(_req: Request, _res: Response): void {
  process.kill(process.pid, 'SIGKILL');
}
