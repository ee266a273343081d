import { parseArgs } from 'node:util';
import { wholeNumber, type Command } from './args.js';

const benchUsage = `Usage: npm run bench -- [--runs <n>]

Measures grading speed against its floors, side by side in one run: median, min and max of each.
Prints a table and writes bench-results/latest.json.`;

async function run(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { runs: { type: 'string' }, help: { type: 'boolean' } } });
  if (values.help) {
    console.log(benchUsage);
    return 0;
  }
  const runs = wholeNumber('runs', values.runs, 7, 1, 100);
  const { machineLine, renderFigures, runBench, writeFigures } = await import('../bench/bench.js');
  console.error(`Measuring on ${machineLine()}, ${runs} runs each…`);
  const figures = await runBench(runs);
  console.log(renderFigures(figures));
  console.log(`\nMachine: ${machineLine()}. Figures written to ${writeFigures(figures)}.`);
  return 0;
}

export const benchCommand: Command = { name: 'bench', summary: 'measure grading speed against its floors', run };
