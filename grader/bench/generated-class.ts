/**
 * A generated class for the benchmark: every other learner hands in the solutions, the others the
 * solutions with three known mistakes swapped in, so that grading meets passes and failures alike.
 */
import { cpSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { kitRoot } from '../paths.js';

export function generateClass(size: number): string {
  const root = mkdtempSync(path.join(tmpdir(), 'bench-class-'));
  const mistakesDir = path.join(kitRoot, 'grader', 'mistakes');
  const mistakes = readdirSync(mistakesDir).flatMap((slug) => readdirSync(path.join(mistakesDir, slug)).map((file) => ({ slug, file })));
  for (let index = 0; index < size; index += 1) {
    const folder = path.join(root, `learner-${String(index + 1).padStart(4, '0')}`);
    cpSync(path.join(kitRoot, 'solutions'), folder, { recursive: true });
    if (index % 2 === 0) continue;
    for (let pick = 0; pick < 3; pick += 1) {
      const mistake = mistakes[(index * 7 + pick * 13) % mistakes.length];
      if (mistake) cpSync(path.join(mistakesDir, mistake.slug, mistake.file), path.join(folder, mistake.slug, 'view.ts'));
    }
  }
  return root;
}
