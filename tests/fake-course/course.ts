/**
 * A tiny course that tests the grader itself: one exercise per outcome, each with the same two
 * checks against `GET /ping`. The submission folder holds one view per outcome.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { publicChecks, hiddenChecks } from '../../grader/engine/check-language/check.js';
import { expectAnswer } from '../../grader/engine/check-language/expect.js';
import type { GradedExercise } from '../../grader/engine/grading/grade.js';

export const submission = path.join(path.dirname(fileURLToPath(import.meta.url)), 'submission');

const checks = [
  ...publicChecks([
    {
      id: 'ping/answers',
      title: 'Answers pong',
      level: 'easy',
      points: 1,
      hint: 'Send "pong".',
      async run(t) {
        expectAnswer(await t.visitor().get('/ping'), 200, 'pong');
      },
    },
  ]),
  ...hiddenChecks([
    {
      id: 'ping/answers-again',
      title: 'Answers pong again',
      level: 'medium',
      points: 2,
      hint: 'Send "pong" every time.',
      async run(t) {
        const visitor = t.visitor();
        expectAnswer(await visitor.get('/ping'), 200, 'pong');
        expectAnswer(await visitor.get('/ping'), 200, 'pong');
      },
    },
  ]),
];

/** The outcomes, each the slug of an exercise of the fake course. */
export const outcomes = [
  'passes',
  'fails',
  'compile-error',
  'missing-export',
  'missing-file',
  'throws-at-import',
  'exits-in-handler',
  'loops-in-handler',
  'loops-at-import',
  'never-answers',
  'throws-in-handler',
  'throws-after-answering',
  'out-of-memory',
  'type-error',
] as const;

export const fakeCourse: GradedExercise[] = outcomes.map((slug) => ({
  info: {
    slug,
    title: slug,
    level: 'easy',
    routes: [{ method: 'GET', path: '/ping', handler: 'view:ping' }],
    hints: ['Send "pong".', 'res.send("pong")'],
  },
  checks,
  hiddenChecksIncluded: true,
}));
