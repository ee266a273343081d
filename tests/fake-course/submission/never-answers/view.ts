import type { Request, Response } from 'express';

export function ping(_req: Request, _res: Response): void {
  // never answers
}
