import { parseArgs } from 'node:util';
import { wholeNumber, type Command } from './args.js';

const benchUsage = `Usage: npm run bench -- [--runs <n>] [--class-size <n>]

Measures grading speed against its floors, side by side in one run: median, min and max of each,
then a generated class of --class-size learners (default 20; 0 skips it) graded in one batch.
Prints a table and writes bench-results/latest.json.`;

async function run(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { runs: { type: 'string' }, 'class-size': { type: 'string' }, help: { type: 'boolean' } } });
  if (values.help) {
    console.log(benchUsage);
    return 0;
  }
  const runs = wholeNumber('runs', values.runs, 7, 1, 100);
  const classSize = wholeNumber('class-size', values['class-size'], 20, 0, 10_000);
  const { machineLine, renderClass, renderFigures, runBench, writeFigures } = await import('../bench/bench.js');
  console.error(`Measuring on ${machineLine()}, ${runs} runs each…`);
  const { figures, classFigure } = await runBench(runs, classSize);
  console.log(renderFigures(figures));
  if (classFigure) console.log(`\n${renderClass(classFigure)}`);
  console.log(`\nMachine: ${machineLine()}. Figures written to ${writeFigures(figures, classFigure)}.`);
  return 0;
}

export const benchCommand: Command = { name: 'bench', summary: 'measure grading speed against its floors', run };
