/**
 * A learner's result in Gradescope's autograder format (`results.json`): one test per check, with
 * its points, verdict, level and exercise as tags, and what the learner may see of why it failed.
 * Hidden checks get the visibility the instructor chooses (by default shown once grades are
 * published); public checks are visible at once.
 */
import { mistakeLines, renderExercise, styleFor } from '../report.js';
import type { CheckResult, ExerciseResult, GradeResult } from '../results.js';

/** When Gradescope shows a test to the learner. */
export type GradescopeVisibility = 'hidden' | 'after_due_date' | 'after_published' | 'visible';

export const gradescopeVisibilities: readonly GradescopeVisibility[] = ['hidden', 'after_due_date', 'after_published', 'visible'];

export interface GradescopeTest {
  name: string;
  score: number;
  max_score: number;
  status: 'passed' | 'failed';
  output: string;
  visibility: GradescopeVisibility;
  tags: string[];
}

export interface GradescopeResults {
  score: number;
  execution_time: number;
  output: string;
  output_format: 'text';
  test_output_format: 'text';
  tests: GradescopeTest[];
}

const plain = styleFor(process.stdout, { NO_COLOR: '1' });

function testOutput(check: CheckResult, withHint: boolean): string {
  if (check.passed) return '';
  const lines: string[] = [];
  if (check.message) lines.push(check.message);
  if (check.details) {
    lines.push(...check.details.requests.map((request) => `  ${request}`));
    if (check.details.expected !== null) lines.push(`expected: ${check.details.expected}`);
    if (check.details.actual !== null) lines.push(`actual:   ${check.details.actual}`);
  }
  if (withHint) lines.push(`hint: ${check.hint}`);
  return lines.join('\n');
}

function testsOf(exercise: ExerciseResult, hiddenVisibility: GradescopeVisibility): GradescopeTest[] {
  // A named known mistake carries the hint (in the overview); otherwise the first failure's hint is the one to try.
  const hinted = exercise.mistakes.length === 0 ? exercise.checks.find((check) => !check.passed) : undefined;
  return exercise.checks.map((check) => ({
    name: `${exercise.title}: ${check.title}`,
    score: check.passed ? check.points : 0,
    max_score: check.points,
    status: check.passed ? 'passed' : 'failed',
    output: testOutput(check, check === hinted),
    visibility: check.visibility === 'hidden' ? hiddenVisibility : 'visible',
    tags: [check.level, exercise.slug],
  }));
}

/** The summary above the tests: each exercise's line, and why it could not run when it could not. */
function overview(view: GradeResult, note: string | null): string {
  const lines = note ? [`This submission could not be graded: ${note}.`, ''] : [];
  lines.push(`Total: ${view.score}/${view.maxScore}`);
  for (const exercise of view.exercises) {
    const [first = '', ...rest] = renderExercise(exercise, plain).split('\n');
    lines.push(first);
    // The exercise-level problem (does not compile, crashed) is on the line after the title.
    const problem = rest.find((line) => line.startsWith('  ! '));
    if (problem && exercise.message) lines.push(problem);
    lines.push(...mistakeLines(exercise, plain));
  }
  return lines.join('\n');
}

/** Gradescope's `results.json` for one learner; `view` is the learner's view of the result. */
export function toGradescope(view: GradeResult, hiddenVisibility: GradescopeVisibility, note: string | null): GradescopeResults {
  return {
    score: view.score,
    execution_time: Math.round(view.durationMs / 100) / 10,
    output: overview(view, note),
    output_format: 'text',
    test_output_format: 'text',
    tests: view.exercises.flatMap((exercise) => testsOf(exercise, hiddenVisibility)),
  };
}
