// The entry of every `npm run` command: brings the build up to date, then runs the command.
import { ensureBuilt } from './build.mjs';

// `npm run grade | head` closes the pipe early: stop quietly instead of with a stack trace.
process.stdout.on('error', (error) => {
  if (/** @type {NodeJS.ErrnoException} */ (error).code === 'EPIPE') process.exit(0);
  throw error;
});

await ensureBuilt();
const cli = new URL('../.kit-build/grader/cli.js', import.meta.url);
const { main } = await import(cli.href);
process.exitCode = await main(process.argv.slice(2));
