/**
 * Hostile submissions below bubblewrap, where the grader is not out of reach: a host of a user of
 * its own (uid), or Node's permission model alone, in the grader's process tree and on the
 * machine's folders. Each case still gets its verdict, runs no code in the grader, cannot renice
 * or signal it and writes no file outside. In a file of its own: the level demanded holds for the
 * whole process while it grades, and what Node's permission model alone keeps out is the part of
 * the seal that changes with the Node (CI runs it on every Node).
 */
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCourse } from '../../grader/engine/course/course.js';
import { gradeJobs, type GradedExercise } from '../../grader/engine/grading/grade.js';
import type { ExerciseResult } from '../../grader/engine/results.js';
import { isolationSupport, type IsolationLevel } from '../../grader/engine/sandbox/isolation.js';
import { demandIsolation } from '../../grader/engine/sandbox/sandbox.js';
import { expected, fingerprint, hostileDir, limits, listening, outsideProofs, v8Leftovers } from '../hostile-cases.js';

const priorityBefore = os.getPriority();
let counter: GradedExercise;
beforeAll(async () => {
  counter = (await loadCourse(['visit-counter']))[0] as GradedExercise;
});

describe('below bubblewrap (a user of its own, the permission model alone)', () => {
  // Where the grader is not out of reach: the same process tree, the same machine's folders.
  const cases = ['opens-the-graders-inspector', 'renices-the-grader', 'writes-through-v8-flags', 'listens-on-a-path', 'kills-the-grader'];

  it.for(['uid', 'permission-model'] as IsolationLevel[])(
    'at %s, runs no code in the grader, cannot renice or signal it, writes no file outside',
    async (level, context) => {
      const support = await isolationSupport();
      if (level === 'uid' && support.missing.uid) context.skip(support.missing.uid);
      const leftovers = v8Leftovers();
      const kit = fingerprint();
      demandIsolation(level);
      let graded: ExerciseResult[];
      try {
        graded = await gradeJobs(cases.map((name) => ({ exercise: counter, file: path.join(hostileDir, `${name}.ts`) })), { limits, typecheck: false });
      } finally {
        demandIsolation(null);
      }
      expect(graded.map((result, index) => [cases[index], result.status])).toEqual(cases.map((name) => [name, expected[name]?.status]));
      expect(await listening(9229)).toBe(false);
      expect(os.getPriority()).toBe(priorityBefore);
      expect(fingerprint()).toBe(kit);
      for (const proof of outsideProofs) expect(existsSync(proof), proof).toBe(false);
      expect(v8Leftovers().filter((file) => !leftovers.includes(file))).toEqual([]);
    },
  );
});
