/**
 * `npm run hint -- <slug>`: the exercise's next hint, a nudge first and nearly the answer last.
 * Each call shows one more; the count is kept with the learner's progress.
 */
import { parseArgs } from 'node:util';
import { describeHint, takeNextHint } from '../outputs/hints-shown.js';
import { nextExercise, readProgress } from '../outputs/progress.js';
import type { Command } from './args.js';
import { exerciseNamed, oneSlug } from './exercise-args.js';

const hintUsage = `Usage: npm run hint -- [slug]

Shows the next hint of the exercise (by default the next exercise to do): the first is a nudge,
the last nearly the answer. Each call shows one more; when there are none left, it says so.`;

async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { help: { type: 'boolean' } } });
  if (values.help) {
    console.log(hintUsage);
    return 0;
  }
  const slug = oneSlug(positionals, 'npm run hint -- <slug>');
  const exercise = slug === undefined ? nextExercise(readProgress()) : exerciseNamed(slug);
  if (!exercise) {
    console.log('Every exercise has passed: no hint needed. Name one to see its hints: npm run hint -- <slug>');
    return 0;
  }
  console.log(describeHint(exercise.slug, takeNextHint(exercise)));
  return 0;
}

export const hintCommand: Command = { name: 'hint', summary: "show an exercise's next hint", run };
