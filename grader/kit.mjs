// The entry of every `npm run` command: brings the build up to date, then runs the command.
import { ensureBuilt } from './build.mjs';

await ensureBuilt();
const { main } = await import('../.kit-build/grader/cli.js');
process.exitCode = await main(process.argv.slice(2));
