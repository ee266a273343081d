/**
 * `npm run new-exercise -- <slug>`: starts an exercise as a small one that already works (lesson,
 * stub, solution, a public and a hidden check, a known mistake, a manifest entry), so that the kit
 * check passes right away and every later edit can be proven by it.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { exerciseFolders } from '../soundness/soundness.js';
import { readmeWithCountsAdded } from '../soundness/rules.js';
import { findExercise, manifest } from '../../engine/course/manifest.js';
import { kitRoot, stateDir } from '../../engine/paths.js';
import { applyAllOrNothing } from '../scaffold/apply.js';
import { ManifestShapeError, withEntryAppended } from '../scaffold/manifest-entry.js';
import { namesOf, slugProblem } from '../scaffold/names.js';
import { addedCounts, exerciseFiles, manifestEntry } from '../scaffold/templates.js';
import { UsageError, type Command } from '../../commands/args.js';

const usage = `Usage: npm run new-exercise -- <slug>

Adds the exercise <slug> (kebab-case, for example remember-name) as a small working example:
  exercises/<slug>/README.md            the lesson, with every section a lesson has
  grader/stubs/<slug>/view.ts           the stub (// TODO, answers 501), copied to exercises/<slug>/view.ts
  solutions/<slug>/view.ts              the reference solution
  grader/checks/<slug>/public.ts        two public checks
  grader/checks/<slug>/hidden.ts        one hidden check
  grader/checks/<slug>/mistakes.ts      the list of its known mistakes
  grader/mistakes/<slug>/module-variable.ts   one known mistake
appends its entry to grader/manifest.ts, and adds it to the README's counts. \`npm run check\`
passes right after; then rewrite each file into your exercise (see CONTRIBUTING.md). Nothing is
written unless everything is.`;

/** Why `slug` cannot be a new exercise, as a usage error; nothing when it can. */
function refuse(slug: string): void {
  const problem = slugProblem(slug);
  if (problem) throw new UsageError(problem);
  if (findExercise(slug)) throw new UsageError(`"${slug}" is taken: grader/manifest.ts has an exercise with that slug; choose another`);
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
  refuse(slug);
  const names = namesOf(slug);
  const manifestFile = path.join('grader', 'manifest.ts');
  const level = manifest.exercises.at(-1)?.level ?? 'easy';
  let manifestSource: string;
  try {
    manifestSource = await withEntryAppended(readFileSync(path.join(kitRoot, manifestFile), 'utf8'), (indent) => manifestEntry(names, level, indent));
  } catch (error) {
    if (error instanceof ManifestShapeError) throw new UsageError(error.message);
    throw error;
  }
  const created = exerciseFiles(names);
  const rewritten: Record<string, string> = { [manifestFile]: manifestSource };
  const done = [...Object.keys(created), `${manifestFile} (entry appended)`];
  // The kit check compares the README's counts with the kit's: they move on with the exercise.
  const readmeFile = path.join(kitRoot, 'README.md');
  const readme = existsSync(readmeFile) ? readFileSync(readmeFile, 'utf8') : '';
  const counted = readmeWithCountsAdded(readme, addedCounts(names));
  if (counted !== readme) {
    rewritten['README.md'] = counted;
    done.push('README.md (the counts of "In all: …")');
  }
  applyAllOrNothing(kitRoot, stateDir, { created, rewritten });
  console.log(`Added the exercise ${slug}, a small working example:`);
  for (const file of done) console.log(`  ${file}`);
  console.log(`Next: rewrite these files into your exercise, then prove it with \`npm run check\` (CONTRIBUTING.md, "Adding an exercise").`);
  return 0;
}

export const newExerciseCommand: Command = { name: 'new-exercise', summary: 'add an exercise as a working example (for instructors)', run };
