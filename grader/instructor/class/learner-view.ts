/**
 * What a learner may see of their own result, for every learner-facing output of a class run
 * (feedback, Gradescope, JUnit): public checks with their details, hidden checks by title, verdict
 * and hint only, and paths relative to the learner's own folder, never the instructor's disk.
 */
import path from 'node:path';
import type { CheckResult, ExerciseResult, GradeResult } from '../../engine/results.js';

function relativeText(root: string): (text: string) => string {
  // Messages name files as the terminal would, relative to the working folder when below it.
  const fromHere = path.relative(process.cwd(), root);
  const prefixes = [root, ...(fromHere && !fromHere.startsWith('..') && !path.isAbsolute(fromHere) ? [fromHere] : [])].map((prefix) =>
    prefix.endsWith(path.sep) ? prefix : prefix + path.sep,
  );
  // A path starts the text or follows a space, a bracket or a quote: `my-subs/ada/` keeps its `subs/ada/`.
  const escaped = prefixes.map((prefix) => prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const pattern = new RegExp(`(?<![\\w./-])(?:${escaped.join('|')})`, 'g');
  return (text) => text.replace(pattern, '');
}

function learnerCheck(check: CheckResult, relative: (text: string) => string): CheckResult {
  if (check.visibility === 'hidden') return { ...check, message: null, details: null };
  return {
    ...check,
    message: check.message === null ? null : relative(check.message),
    details: check.details && {
      requests: check.details.requests.map(relative),
      expected: check.details.expected === null ? null : relative(check.details.expected),
      actual: check.details.actual === null ? null : relative(check.details.actual),
    },
  };
}

function learnerExercise(exercise: ExerciseResult, relative: (text: string) => string): ExerciseResult {
  return {
    ...exercise,
    message: exercise.message === null ? null : relative(exercise.message),
    location: exercise.location && { ...exercise.location, file: relative(exercise.location.file) },
    fix: exercise.fix ? relative(exercise.fix) : null,
    output: relative(exercise.output),
    warnings: exercise.warnings.map((warning) => ({ ...warning, file: relative(warning.file), message: relative(warning.message) })),
    checks: exercise.checks.map((check) => learnerCheck(check, relative)),
  };
}

/** The result as its learner may read it; `root` is the learner's folder. */
export function learnerView(result: GradeResult, root: string): GradeResult {
  const relative = relativeText(path.resolve(root));
  return {
    ...result,
    target: path.relative(path.resolve(root), result.target) || '.',
    exercises: result.exercises.map((exercise) => learnerExercise(exercise, relative)),
  };
}
