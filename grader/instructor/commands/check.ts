import { parseArgs } from 'node:util';
import { defaultLimits } from '../../engine/grading/grade.js';
import { checkKit } from '../soundness/soundness.js';
import { styleFor } from '../../outputs/report.js';
import type { Command } from '../../commands/args.js';

const checkUsage = `Usage: npm run check

Proves the kit is sound: exercises/course.json and the folders agree, every solution gets full
marks, every stub gets zero, every known mistake is caught by the checks it names, every correct
variant gets full marks, and lessons, hints and checks are well formed. Exits 1 with the list of
problems.`;

async function run(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { help: { type: 'boolean' } } });
  if (values.help) {
    console.log(checkUsage);
    return 0;
  }
  const style = styleFor(process.stdout);
  const report = await checkKit(defaultLimits);
  for (const line of report.proven) console.log(`${style.green('✔')} ${line}`);
  if (report.problems.length === 0) {
    console.log(style.bold('The kit is sound.'));
    return 0;
  }
  console.log(style.bold(`\n${report.problems.length} problem(s):`));
  for (const problem of report.problems) console.log(`${style.red('✘')} ${problem}`);
  return 1;
}

export const checkCommand: Command = { name: 'check', summary: 'prove the kit is sound (for instructors)', run };
