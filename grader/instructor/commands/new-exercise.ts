/**
 * `npm run new-exercise -- <slug>`: starts an exercise as a small one that already works (lesson,
 * entry, stub, solution, a public and a hidden check, a known mistake), in its two folders, and
 * appends it to the course's list, so that the kit check passes right away and every later edit
 * can be proven by it. No other file of the kit is touched.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { exerciseFolders } from '../soundness/soundness.js';
import { CourseError, courseListFile, manifest, slugsOfCourseList } from '../../engine/course/manifest.js';
import { kitRoot, stateDir } from '../../engine/paths.js';
import { applyAllOrNothing } from '../scaffold/apply.js';
import { withSlugAppended } from '../scaffold/course-list.js';
import { namesOf, slugProblem } from '../scaffold/names.js';
import { exerciseFiles } from '../scaffold/templates.js';
import { UsageError, type Command } from '../../commands/args.js';

const usage = `Usage: npm run new-exercise -- <slug>

Adds the exercise <slug> (kebab-case, for example remember-name) as a small working example, in
two folders:
  exercises/<slug>/      what learners get: README.md (the lesson), exercise.json (title, level,
                         routes, hints), view.ts and .stub/view.ts (the stub), checks.ts (public checks)
  solutions/<slug>/      what you keep: view.ts (the solution), checks.ts (hidden checks),
                         mistakes.ts (the known mistakes) and mistakes/<id>.ts (the code of each)
and appends <slug> to ${courseListFile}. \`npm run check\` passes right after; then rewrite each
file into your exercise (see CONTRIBUTING.md). Nothing is written unless everything is.`;

/** The course's list, as text, with the slugs it holds; a list that cannot be read is a usage error. */
function readCourseList(): { text: string; slugs: string[] } {
  const file = path.join(kitRoot, courseListFile);
  if (!existsSync(file)) throw new UsageError(`${courseListFile} is missing: write { "exercises": [] } there, then run again`);
  const text = readFileSync(file, 'utf8');
  try {
    return { text, slugs: slugsOfCourseList(text) };
  } catch (error) {
    if (error instanceof CourseError) throw new UsageError(error.message);
    throw error;
  }
}

/** Why `slug`, a well-formed slug, is taken in a course listing `slugs`, as a usage error; nothing when it is free. */
function refuse(slug: string, slugs: readonly string[]): void {
  if (slugs.includes(slug)) throw new UsageError(`"${slug}" is taken: ${courseListFile} lists an exercise with that slug; choose another`);
  for (const folder of exerciseFolders) {
    if (existsSync(path.join(kitRoot, folder, slug))) throw new UsageError(`"${slug}" is taken: ${folder}/${slug} exists; choose another slug or remove that folder`);
  }
}

async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { help: { type: 'boolean' } } });
  if (values.help) {
    console.log(usage);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError('give one slug: npm run new-exercise -- <slug>');
  const slug = positionals[0] as string;
  const problem = slugProblem(slug);
  if (problem) throw new UsageError(problem);
  const list = readCourseList();
  refuse(slug, list.slugs);
  // The course is ordered easiest first: the new exercise starts at the level of the last one.
  const level = manifest.exercises.at(-1)?.level ?? 'easy';
  const created = exerciseFiles(namesOf(slug), level);
  let listed: string;
  try {
    listed = withSlugAppended(list.text, slug, courseListFile);
  } catch (error) {
    if (error instanceof CourseError) throw new UsageError(error.message);
    throw error;
  }
  applyAllOrNothing(kitRoot, stateDir, { created, rewritten: { [courseListFile]: listed } });
  console.log(`Added the exercise ${slug}, a small working example:`);
  for (const file of Object.keys(created)) console.log(`  ${file}`);
  console.log(`  ${courseListFile} (${slug} appended to the course)`);
  console.log('Next:');
  console.log(`  1. npm run check            proves the example sound, before you change anything`);
  console.log(`  2. rewrite the files above into your exercise, the solution and its checks first;`);
  console.log(`     move ${slug} in ${courseListFile} to its place in the course (easiest first)`);
  console.log(`  3. npm run check            says what to write next, until the kit is sound again`);
  console.log(`CONTRIBUTING.md, "Adding an exercise", walks through it.`);
  return 0;
}

export const newExerciseCommand: Command = { name: 'new-exercise', summary: 'add an exercise as a working example (for instructors)', run };
