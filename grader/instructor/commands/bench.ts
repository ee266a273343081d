import { parseArgs } from 'node:util';
import { wholeNumber, type Command } from '../../commands/args.js';

const benchUsage = `Usage: npm run bench -- [--runs <n>] [--class-size <n>] [--class-runs <n>]

Measures grading speed against its floors, side by side in one run: median, min and max of each;
one exercise graded right after an edit, with the type check on and off, and their ratio; then a
generated class of --class-size learners (default 20; 0 skips it) graded in one batch.
What sealing the hosts costs is measured in the same run: the cold grade, the warm grade and the
class at the default isolation level (the best this machine has) and at each lower one down to
--isolation permission-model (no sealing by the operating system), alternating; the class (which
never runs at the permission model alone) is graded --class-runs times at each sealed level (default 3).
Prints the tables and writes bench-results/latest.json.`;

async function run(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { runs: { type: 'string' }, 'class-size': { type: 'string' }, 'class-runs': { type: 'string' }, help: { type: 'boolean' } },
  });
  if (values.help) {
    console.log(benchUsage);
    return 0;
  }
  const runs = wholeNumber('runs', values.runs, 7, 1, 100);
  const classSize = wholeNumber('class-size', values['class-size'], 20, 0, 10_000);
  const classRuns = wholeNumber('class-runs', values['class-runs'], 3, 1, 20);
  const { loadLine, machineLine, renderClass, renderFigures, renderSealing, runBench, writeFigures } = await import('../bench/bench.js');
  const { renderEditedGrade } = await import('../bench/edited-grade.js');
  console.error(`Measuring on ${machineLine()}, ${runs} runs each…`);
  const result = await runBench({ runs, classSize, classRuns });
  console.log(renderFigures(result.figures));
  console.log(`\n${renderEditedGrade(result.editedGrade)}`);
  if (result.classFigure) console.log(`\n${renderClass(result.classFigure)}`);
  if (result.sealing) console.log(`\n${renderSealing(result.sealing, result.load)}`);
  else console.log('\nSealing: this machine offers no level above the permission model, so there is nothing to compare.');
  console.log(`\nMachine: ${machineLine()}; ${loadLine(result)}. Figures written to ${writeFigures(result)}.`);
  return 0;
}

export const benchCommand: Command = { name: 'bench', summary: 'measure grading speed against its floors, and what sealing costs', run };
