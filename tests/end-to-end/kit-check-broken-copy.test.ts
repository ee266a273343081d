/**
 * The kit check run as an instructor runs it, on a copy of the kit broken in several ways at once:
 * it claims with ✔ only what still holds and names each problem with what to change.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyKit, runIn } from '../kit-copy.js';

describe('the kit check on a broken copy of the kit', () => {
  it('claims with ✔ only what holds, and says what to change for each problem', () => {
    const kit = copyKit();
    try {
      const at = (file: string): string => path.join(kit, file);
      writeFileSync(at('solutions/visit-counter/view.ts'), readFileSync(at('exercises/visit-counter/view.ts')));
      const lessonFile = at('exercises/visit-counter/README.md');
      writeFileSync(lessonFile, readFileSync(lessonFile, 'utf8').replace('- A first visit counts 1\n', '').replace('`countVisit` answers', '`countVisits` answers'));
      // An edit made to the working stub instead of .stub/view.ts: its TODOs differ, its handlers still answer 501.
      writeFileSync(at('exercises/theme/view.ts'), readFileSync(at('exercises/theme/.stub/view.ts'), 'utf8').replace(/\/\/ TODO[^\n]*/g, '// TODO: an older wording'));

      const run = runIn(kit, ['check'], { timeoutMs: 280_000 });
      expect(run.status).toBe(1);
      const claimed = run.stdout.split('\n').filter((line) => line.startsWith('✔'));
      expect(claimed.join('\n')).toMatch(/^✔ \d+ exercises and \d+ checks agree with exercises\/course\.json and their folders$/m);
      expect(claimed.join('\n')).toMatch(/stubs get zero$/m);
      for (const broken of [/solutions get full marks/, /lessons, stubs and hint lists/, /What is graded/]) {
        expect(claimed.join('\n')).not.toMatch(broken);
      }
      const problems = run.stdout.split('\n').filter((line) => line.startsWith('✘'));
      expect(problems).toContain('✘ exercises/theme/view.ts is a stub other than exercises/theme/.stub/view.ts, the one learners get: make the change there, then npm run reset -- theme');
      expect(problems).toContain('✘ exercises/visit-counter/README.md says `countVisits` answers GET /visits, but its handler is `countVisit` (exercises/visit-counter/exercise.json)');
      expect(problems).toContain(
        "✘ exercises/visit-counter/README.md: 'What is graded' lacks the check 'A first visit counts 1': add \"- A first visit counts 1\" at the top of its list",
      );
      // A solution replaced by its stub says why it scores nothing, then which checks failed.
      expect(problems).toContainEqual(expect.stringMatching(/^✘ solutions\/visit-counter\/view\.ts scores 0\/\d+: not-started: every handler still answers "Not implemented yet"; replace the TODOs in view\.ts; also failed: visit-counter\/first-visit, visit-counter\/counts-up, /));
    } finally {
      rmSync(path.dirname(kit), { recursive: true, force: true });
    }
  }, 300_000);
});
