/**
 * `npm run serve -- <slug>`: runs an exercise's app with the learner's view, to try in a browser.
 *
 * The learner's code runs in a sandbox host, as when graded; the kit's front server
 * (`serve/front-server.ts`) listens on 127.0.0.1 only and passes requests on to it, and shows
 * the `/_kit` page, where the browser's cookie and the server's session record sit side by side.
 * Saving `view.ts` starts the app again in a new host, with the new code.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, watch } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { compileView } from '../engine/grading/compile.js';
import { isViewCode, readView } from '../engine/grading/read-view.js';
import type { Limits } from '../engine/grading/grade.js';
import { displayPath } from '../engine/paths.js';
import type { ExerciseInfo } from '../engine/course/manifest.js';
import { styleFor } from '../outputs/report.js';
import { terminalText } from '../outputs/escape.js';
import { cleanOutput } from '../engine/results.js';
import type { SourceLocation } from '../engine/sandbox/protocol.js';
import { Sandbox } from '../engine/sandbox/sandbox.js';
import { startFrontServer } from './front-server.js';
import { UsageError, wholeNumber, type Command } from './args.js';
import { exerciseFolder, exerciseNamed, isolationAvailable, limitOptions, limitsFrom, oneSlug } from './exercise-args.js';

const serveUsage = `Usage: npm run serve -- <slug> [options]

Runs the exercise's app with your view.ts on http://127.0.0.1:<port>/, to try in a browser, and
the kit's page at /_kit: the cookie your browser holds beside the session the server keeps, with
forms for the exercise's routes. Saving view.ts starts the app again. Ctrl-C stops it.

Options:
  --port <n>                the port on 127.0.0.1 (default: 3000; 0 picks a free one)
  --target <dir>            the folder of exercise folders (default: exercises)
  --request-timeout <s>     seconds one request may take (default: 2)
  --heap-mb <MiB>           memory for your app's heap (default: 256)
  --isolation <level>       how your app is sealed off: bwrap, uid or permission-model
  --help                    show this help`;

/** Saves closer together than this are one save. */
const debounceMs = 100;
/** How often the host is asked what the app printed, and whether it still runs. */
const pollMs = 200;

type Started = { ok: true; sandbox: Sandbox; port: number; accessKey: string } | { ok: false; message: string };

function where(location: SourceLocation | null): string {
  return location ? ` (${displayPath(location.file)}:${location.line}:${location.column})` : '';
}

/** Compiles the view and starts its app in a new sandbox host; says why in one line when it cannot. */
async function startApp(exercise: ExerciseInfo, file: string, secret: string, limits: Limits): Promise<Started> {
  const read = readView(file);
  if (!read.ok) return { ok: false, message: read.message };
  const compiled = await compileView(read.source, file);
  if (!compiled.ok) return { ok: false, message: `${compiled.message}${where(compiled.location)}` };
  const sandbox = await Sandbox.start(limits.heapMb);
  const loaded = await sandbox.load(
    { type: 'load', slug: exercise.slug, routes: exercise.routes, code: compiled.code, filename: file, secret },
    limits.requestTimeoutMs,
  );
  if (!loaded.ok) {
    sandbox.kill();
    return { ok: false, message: `${loaded.message}${where(loaded.location)}` };
  }
  return { ok: true, sandbox, port: loaded.port, accessKey: loaded.accessKey };
}

/** The app's console output, quoted line by line, cleaned as in reports: nothing in it acts on the terminal. */
function quoted(output: string): string {
  return cleanOutput(output)
    .split('\n')
    .map((line) => `  app │ ${terminalText(line)}`)
    .join('\n');
}

async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      port: { type: 'string' },
      target: { type: 'string' },
      help: { type: 'boolean' },
      'request-timeout': limitOptions['request-timeout'],
      'heap-mb': limitOptions['heap-mb'],
      isolation: limitOptions.isolation,
    },
  });
  if (values.help) {
    console.log(serveUsage);
    return 0;
  }
  const slug = oneSlug(positionals, 'npm run serve -- <slug>');
  if (slug === undefined) throw new UsageError('name the exercise to serve: npm run serve -- <slug>');
  const exercise = exerciseNamed(slug);
  const folder = exerciseFolder(values.target);
  const port = wholeNumber('port', values.port, 3000, 0, 65535);
  const limits = limitsFrom(values);
  await isolationAvailable();
  const file = path.join(folder, slug, 'view.ts');
  if (!existsSync(file)) throw new UsageError(`no file ${displayPath(file)}: npm run reset -- ${slug} puts the stub back`);
  const style = styleFor(process.stdout);
  const secret = randomBytes(24).toString('hex');

  const first = await startApp(exercise, file, secret, limits).catch((error: Error) => ({ ok: false as const, message: error.message }));
  if (!first.ok) {
    console.error(`error: ${first.message}; fix view.ts, then run npm run serve -- ${slug} again`);
    return 1;
  }
  let current: { sandbox: Sandbox; port: number; accessKey: string } = first;
  let stoppedSaid = false;
  const say = (line: string): void => console.log(line);

  let server: Server;
  try {
    server = await startFrontServer(
      {
        exercise,
        app: { port: () => current.port, accessKey: () => current.accessKey, sessions: () => current.sandbox.sessions(), secret },
        requestTimeoutMs: limits.requestTimeoutMs,
        onAppTrouble: (line) => say(`${style.yellow('!')} ${line}`),
      },
      port,
    );
  } catch (error) {
    current.sandbox.kill();
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new UsageError(`port ${port} is in use: choose another with --port`);
    if (code === 'EACCES') throw new UsageError(`port ${port} needs privileges: choose one above 1023 with --port`);
    throw error;
  }
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  say(`Serving ${style.bold(slug)} (${displayPath(file)}) on ${base}/`);
  say(`  the kit's page   ${base}/_kit`);
  for (const route of exercise.routes) say(`  ${route.method.padEnd(4)} ${route.path.padEnd(14)} ${base}${route.path}`);
  say(style.dim('Only this computer can reach it (127.0.0.1). Saving view.ts starts the app again, with new sessions. Ctrl-C stops it.'));

  // Saves are applied one at a time; a version that does not load leaves the running one in place.
  let reloading = Promise.resolve();
  let debounce: NodeJS.Timeout | null = null;
  const reload = async (): Promise<void> => {
    const next = await startApp(exercise, file, secret, limits).catch((error: Error) => ({ ok: false as const, message: error.message }));
    if (!next.ok) {
      say(`${style.red('✘')} ${next.message}; the app goes on with the last version that loaded`);
      return;
    }
    const previous = current;
    current = next;
    previous.sandbox.kill();
    stoppedSaid = false;
    say(`${style.green('✔')} view.ts reloaded: the app runs your new code, with new sessions`);
  };
  const watcher = watch(path.dirname(file), (_event, name) => {
    if (!name || !isViewCode(name)) return;
    if (debounce) clearTimeout(debounce);
    debounce = setTimeout(() => {
      reloading = reloading.then(reload);
    }, debounceMs);
  });
  watcher.on('error', () => say(`${style.yellow('!')} view.ts is no longer watched: restart npm run serve to pick up changes`));
  const poll = setInterval(() => {
    const output = current.sandbox.takeOutput();
    if (output.trim() !== '') say(style.dim(quoted(output)));
    if (current.sandbox.exit && !stoppedSaid) {
      stoppedSaid = true;
      say(`${style.red('✘')} the app stopped: ${current.sandbox.exit.message}${where(current.sandbox.exit.location)}; save view.ts to start it again`);
    }
  }, pollMs);

  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  if (debounce) clearTimeout(debounce);
  watcher.close();
  clearInterval(poll);
  await reloading;
  current.sandbox.kill();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  say('Stopped.');
  return 0;
}

export const serveCommand: Command = { name: 'serve', summary: "run an exercise's app to try in a browser, with the kit's page at /_kit", run };
