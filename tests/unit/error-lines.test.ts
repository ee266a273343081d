/**
 * The line of a handler's error is the learner's line, however long the app has run. Node keeps a
 * compiled module's source map only while the module object lives: a view whose module was
 * dropped after loading had its errors' lines point into the compiled code once a garbage
 * collection had run. The view below makes the garbage itself, waits for the collector, then
 * throws on a line of its own.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { publicChecks } from '../../grader/engine/check-language/check.js';
import { expectAnswer } from '../../grader/engine/check-language/expect.js';
import { grade, type GradedExercise } from '../../grader/engine/grading/grade.js';

const checks = publicChecks([
  {
    id: 'late/answers',
    title: 'Answers after a while',
    level: 'easy',
    points: 1,
    hint: 'Send "done".',
    async run(t) {
      expectAnswer(await t.visitor().get('/late'), 200, 'done');
    },
  },
]);

// The throw is on line 14, far from any line of the compiled module's wrapper.
const view = `import type { Request, Response } from 'express';

/** Makes garbage enough for the collector to run more than once. */
function churn(): number {
  let kept = 0;
  for (let round = 0; round < 12; round += 1) kept += new Array(200_000).fill(round).length;
  return kept;
}

export async function late(req: Request, res: Response): Promise<void> {
  churn();
  await new Promise((resolve) => setTimeout(resolve, 200));
  const user = (req.session as unknown as { user: { name: string } }).user;
  res.send(user.name);
}
`;

describe("a handler's error, after the garbage collector has run", () => {
  it("names the learner's line", async () => {
    const target = mkdtempSync(path.join(tmpdir(), 'error-lines-'));
    mkdirSync(path.join(target, 'late'));
    writeFileSync(path.join(target, 'late', 'view.ts'), view);
    const exercises: GradedExercise[] = [
      { info: { slug: 'late', title: 'Late', level: 'easy', routes: [{ method: 'GET', path: '/late', handler: 'view:late' }], hints: ['Wait.', 'res.send'] }, checks, hiddenChecksIncluded: true },
    ];
    const result = await grade({ target, exercises, limits: { requestTimeoutMs: 5000, exerciseTimeoutMs: 15_000, heapMb: 32 }, typecheck: false });
    expect(result.exercises[0]?.checks[0]?.message).toBe("GET /late failed: the handler threw TypeError: Cannot read properties of undefined (reading 'name') (view.ts:14)");
  }, 60_000);
});
