/**
 * `npm run grade -- merge <dir...> --out <dir>`: joins the output folders of shards (graded on
 * several machines) into one. Each learner's files are copied as they are; the gradebook and the
 * class report are rebuilt from the results documents, so the merged folder is the one a single
 * run would have written.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { UsageError, userPath } from '../../commands/args.js';
import { writeAtomic } from '../../outputs/atomic-write.js';
import { classEntry, learnerFiles, learnersIn, outPaths, readLearner, writeClassFiles } from './class-outputs.js';
import { classUsage } from './usage.js';
import type { ClassEntry } from './gradebook.js';
import { printable } from '../../outputs/printable.js';

export async function runMerge(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { out: { type: 'string' }, help: { type: 'boolean' } },
  });
  if (values.help) {
    console.log(classUsage);
    return 0;
  }
  if (positionals.length === 0) throw new UsageError('merge takes the output folders of the shards: npm run grade -- merge <dir...> --out <dir>');
  if (values.out === undefined) throw new UsageError('--out is required for merge: the folder where the joined gradebook goes');
  const out = userPath(values.out);
  const sources = positionals.map((dir) => userPath(dir));
  for (const source of sources) {
    const paths = outPaths(source);
    if (!existsSync(source) || !statSync(source).isDirectory() || !(existsSync(paths.gradebook) || existsSync(paths.resultsDir))) {
      throw new UsageError(`${source} is not the output of a class run: it has no gradebook.csv and no results/ folder`);
    }
    if (path.resolve(source) === path.resolve(out)) throw new UsageError(`--out ${out} is one of the folders to merge: choose a new folder`);
  }
  if (existsSync(outPaths(out).gradebook)) throw new UsageError(`--out ${out} already holds a gradebook: choose a new folder`);

  // Every learner must come from exactly one shard: a learner in two is a mistake to fix first.
  const owner = new Map<string, string>();
  for (const source of sources) {
    for (const { name, learner } of learnersIn(source)) {
      if (learner === null) throw new UsageError(`${source} has results/${name}.json but no record of whose it is: finish that shard with --resume first`);
      const earlier = owner.get(learner);
      if (earlier !== undefined) throw new UsageError(`learner "${printable(learner)}" is in both ${earlier} and ${source}: merge each learner from one folder only`);
      owner.set(learner, source);
    }
  }
  const entries: ClassEntry[] = [];
  for (const [learner, source] of owner) {
    const stored = readLearner(source, learner);
    if (!stored) throw new UsageError(`${source} has no complete files for learner "${printable(learner)}" (results and records): finish that shard with --resume first`);
    const targets = learnerFiles(out, learner);
    learnerFiles(source, learner).forEach((file, index) => {
      const target = targets[index];
      if (target && existsSync(file)) writeAtomic(target, readFileSync(file));
    });
    entries.push(classEntry(learner, stored.result, stored.record));
  }
  writeClassFiles(out, entries);
  console.log(`Merged ${entries.length} learners from ${sources.length} folders into ${out} (gradebook.csv, report.html, results/, feedback/).`);
  return 0;
}
