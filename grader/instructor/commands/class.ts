/**
 * Where `npm run grade` hands over to class grading: with `--submissions` it grades a class, with
 * `merge` it joins the output folders of several shards. Kept apart (and loaded only then) so that
 * grading one learner's exercises pays nothing for it.
 */
export { classUsage } from '../class/usage.js';


/** The class run or merge these arguments ask for, or null when they ask for neither. */
export function classRun(args: readonly string[]): Promise<number> | null {
  if (args[0] === 'merge') return import('../class/merge.js').then(({ runMerge }) => runMerge(args.slice(1)));
  if (args.some((arg) => arg === '--submissions' || arg.startsWith('--submissions='))) {
    return import('../class/class-run.js').then(({ runClass }) => runClass([...args]));
  }
  return null;
}
