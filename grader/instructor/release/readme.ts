/**
 * The README of a learner's copy, written for learners: what they do, the public checks of each
 * exercise (their titles, from the checks themselves), that hidden checks are graded by the
 * instructor, and counts of this copy. The reference parts a learner needs (the statuses, the
 * options of `grade`, watch mode, hints, progress, reset, serve) are taken from the kit's README
 * by their headings, so that they stay as current as the kit's; a heading that is gone fails the
 * release instead of leaving a gap.
 */
import { publicChecksOf } from '../../engine/course/course.js';
import type { GradedExercise } from '../../engine/grading/grade.js';
import { pointsOf } from '../../engine/results.js';

/** The kit README's sections a learner's copy takes whole, each up to the next heading of its level or above. */
export const learnerSections = ['### `npm run grade` options', '## Watch mode, hints and progress'];

/** The npm script a line of shell runs (`npm test`, `npm run <name>`), or null. */
function scriptRun(line: string): string | null {
  const match = /\bnpm (?:run ([\w:-]+)|(test)\b)/.exec(line);
  return match ? (match[1] ?? match[2] ?? null) : null;
}

/** A prose line without its asides naming a script the copy lacks: "full marks (`npm run check`)". */
function withoutMissingScripts(line: string, scripts: Record<string, string>): string {
  return line.replace(/\s*\(`npm (?:run ([\w:-]+)|(test))\b[^`]*`\)/g, (aside, run?: string, test?: string) =>
    (run ?? test ?? '') in scripts ? aside : '',
  );
}

/**
 * `text` without the lines and asides that run scripts the copy does not have, and in the words
 * of the copy, whose README calls the known mistakes common ones. Sample outputs are made again by
 * the copy itself (`samples.ts`).
 */
function forCopy(text: string, scripts: Record<string, string>): string {
  let inFence = false;
  const lines: string[] = [];
  for (const line of text.split('\n')) {
    if (line.startsWith('```')) inFence = !inFence;
    const script = inFence ? scriptRun(line) : null;
    if (script !== null && !(script in scripts)) continue;
    lines.push(inFence ? line : withoutMissingScripts(line, scripts).replace(/\b([Kk])nown mistake/g, (_, k: string) => (k === 'K' ? 'Common mistake' : 'common mistake')));
  }
  return lines.join('\n');
}

/** The section of `readme` that starts with the line `heading`, up to the next heading of its level or above. */
function sectionOf(readme: string, heading: string): string {
  const lines = readme.split('\n');
  const start = lines.indexOf(heading);
  if (start === -1) throw new Error(`README.md has no line "${heading}": the learner's copy takes that section from there`);
  const level = heading.indexOf(' ');
  let inFence = false;
  let end = start + 1;
  for (; end < lines.length; end++) {
    const line = lines[end] ?? '';
    if (line.startsWith('```')) inFence = !inFence;
    const depth = /^(#+) /.exec(line)?.[1]?.length;
    if (!inFence && depth !== undefined && depth <= level) break;
  }
  return lines.slice(start, end).join('\n').trimEnd();
}

/** The statuses table of the kit's README (`| status | meaning |` and its rows). */
function statusTable(readme: string): string {
  const lines = readme.split('\n');
  const start = lines.findIndex((line) => /^\| status \| meaning \|/.test(line));
  if (start === -1) throw new Error("README.md has no table of statuses (| status | meaning |): the learner's copy takes it from there");
  let end = start;
  while ((lines[end] ?? '').startsWith('|')) end++;
  return lines.slice(start, end).join('\n');
}

/** What the kit's README says an exercise teaches (its table's last column), or null. */
function teaches(readme: string, slug: string): string | null {
  const row = readme.split('\n').find((line) => line.startsWith('|') && line.includes(`| \`${slug}\` |`));
  return row?.split('|').map((cell) => cell.trim()).filter(Boolean).at(-1) ?? null;
}

/** The commands a learner runs, for those the copy has. */
const commandLines: [string, string, string][] = [
  ['grade', 'npm run grade -- [slug...]', 'grade one exercise, several, or all of them (`npm run grade -- --help` lists the options)'],
  ['watch', 'npm run watch', 'grade the next exercise, then again each time you save'],
  ['hint', 'npm run hint -- <slug>', 'the next hint of an exercise, from a nudge to nearly the answer'],
  ['list', 'npm run list', 'every exercise with its status and score, and the next one to do'],
  ['reset', 'npm run reset -- <slug>', 'put the stub back; your version is kept as `view.ts.bak`'],
  ['serve', 'npm run serve -- <slug>', 'try your app in a browser, with the kit\'s page at `/_kit`'],
  ['help', 'npm run help', 'every command'],
];

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** The README of a learner's copy of `course`, whose package.json has `scripts`. */
export function learnerReadme(kitReadme: string, course: readonly GradedExercise[], scripts: Record<string, string>): string {
  const allPublic = course.flatMap(publicChecksOf);
  const points = pointsOf(allPublic);
  const first = course[0]?.info.slug ?? '<slug>';
  const out: string[] = [];
  out.push(
    '# session-kit: your exercises',
    '',
    `You learn web sessions with Express and express-session by writing the handlers of small apps:
${plural(course.length, 'exercise')}, from easy to hard. For each one:`,
    '',
    '1. Read its lesson, `exercises/<slug>/README.md`: the idea, how a request flows, a table of',
    '   requests with the session after each, your task, and a short quiz.',
    '2. Fill in the stubs marked `// TODO` in `exercises/<slug>/view.ts`. It is the only file you edit:',
    "   the app, its routes, the body parsing and the session middleware are the kit's. It runs as",
    '   strict code, as in a real project, and may import the packages the kit installs (express,',
    '   express-session, and those they use, like `parseurl` or `cookie`), Node\'s built-in modules and',
    '   `.ts` files you add to its folder; anything else is a compile error that says so.',
    '3. Grade it, and read the report.',
    '',
    '```sh',
    ...[
      ['npm install', 'once'],
      [`npm run grade -- ${first}`, 'one exercise'],
      ['npm run grade', 'all of them'],
    ].map(([command = '', comment = '']) => `${command.padEnd(first.length + 20)}# ${comment}`),
    '```',
    '',
    'Node 20.19 or newer. Grading runs your code in a separate process, sealed off from your',
    'files and the network: an endless loop, a crash or a memory leak ends in a status, never in a',
    'stuck terminal.',
    '',
    '## What is graded',
    '',
    'Checks talk to your app as browsers do, with real cookies, and look at what the session store',
    `holds. This copy has the **public** checks: ${plural(allPublic.length, 'check')}, worth ${plural(points, 'point')} in all. When one`,
    'fails, the report shows the requests it made, what it expected and what it got, and a hint.',
    '',
    'Your instructor also grades **hidden** checks, which are not in this copy: they prove that you',
    'understood the idea, not that you matched a test, so write what the lesson asks rather than',
    'what makes the public checks pass. The report says so for each exercise. When your failed checks',
    'look like a common mistake, the report names it in one line, with a hint written for it.',
    '',
    '| # | exercise | level | what it teaches | public checks | points |',
    '| --- | --- | --- | --- | --- | --- |',
  );
  course.forEach((exercise, index) => {
    const checks = publicChecksOf(exercise);
    const worth = pointsOf(checks);
    out.push(`| ${index + 1} | \`${exercise.info.slug}\` | ${exercise.info.level} | ${teaches(kitReadme, exercise.info.slug) ?? exercise.info.title} | ${checks.length} | ${worth} |`);
  });
  out.push('', `In all: ${plural(course.length, 'exercise')}, ${plural(allPublic.length, 'public check')}, ${plural(points, 'point')}.`, '', '### The public checks', '');
  for (const exercise of course) {
    out.push(`**${exercise.info.title}** (\`${exercise.info.slug}\`)`, '');
    for (const check of publicChecksOf(exercise)) out.push(`- ${check.level}, ${plural(check.points, 'point')}: ${check.title}`);
    out.push('');
  }
  out.push('### Each exercise ends in one status', '', statusTable(kitReadme), '', '## Commands', '', '| command | what it does |', '| --- | --- |');
  for (const [script, command, what] of commandLines) if (script in scripts) out.push(`| \`${command}\` | ${what} |`);
  for (const heading of learnerSections) out.push('', sectionOf(kitReadme, heading));
  return `${forCopy(out.join('\n'), scripts).replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}
