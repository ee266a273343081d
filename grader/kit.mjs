// The entry of every `npm run` command: brings the build up to date, then runs the command.
import { ensureBuilt } from './build.mjs';

// SIGUSR1 would open the grader's inspector (on 127.0.0.1:9229): a listener takes it instead.
process.on('SIGUSR1', () => undefined);

// `npm run grade | head` closes the pipe early: stop quietly instead of with a stack trace.
process.stdout.on('error', (error) => {
  if (/** @type {NodeJS.ErrnoException} */ (error).code === 'EPIPE') process.exit(0);
  throw error;
});

await ensureBuilt();
// The commands that grade at once start their first sandbox host now, so that its Node start
// overlaps with loading the grader.
const grades = ['grade', 'watch'].includes(process.argv[2] ?? '');
const sandbox = grades ? await import(new URL('../.kit-build/grader/engine/sandbox/sandbox.js', import.meta.url).href) : null;
// The early host runs at the level `--isolation` asks for (the command checks the flag itself).
const flag = process.argv.findIndex((arg) => arg === '--isolation' || arg.startsWith('--isolation='));
const demanded = flag === -1 ? undefined : (process.argv[flag]?.split('=')[1] ?? process.argv[flag + 1]);
if (demanded && ['bwrap', 'uid', 'permission-model'].includes(demanded)) sandbox?.demandIsolation(demanded);
sandbox?.Sandbox.startEarly();
const cli = new URL('../.kit-build/grader/cli.js', import.meta.url);
const { main } = await import(cli.href);
try {
  process.exitCode = await main(process.argv.slice(2));
} finally {
  sandbox?.Sandbox.endEarly();
  // esbuild's process (the build's and the views' compiler) ends and is reaped before the grader.
  const { stopCompiler } = await import(new URL('../.kit-build/grader/engine/grading/compile.js', import.meta.url).href);
  await stopCompiler();
}
