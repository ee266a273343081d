// The entry of every `npm run` command: brings the build up to date, then runs the command.
import { ensureBuilt } from './build.mjs';

await ensureBuilt();
const cli = new URL('../.kit-build/grader/cli.js', import.meta.url);
const { main } = await import(cli.href);
process.exitCode = await main(process.argv.slice(2));
