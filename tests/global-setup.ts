import { ensureBuilt } from '../grader/build.mjs';

/** The sandbox host runs from the build, so every test needs it current. */
export default async function setup(): Promise<void> {
  await ensureBuilt();
}
