/**
 * A generated class for the benchmark: every other learner hands in the solutions, the others the
 * solutions with three known mistakes swapped in, so that grading meets passes and failures alike.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { kitRoot } from '../../engine/paths.js';

export function generateClass(size: number): string {
  const root = mkdtempSync(path.join(tmpdir(), 'bench-class-'));
  const solutions = path.join(kitRoot, 'solutions');
  const slugs = readdirSync(solutions, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
  const mistakes = slugs.flatMap((slug) =>
    readdirSync(path.join(solutions, slug, 'mistakes'))
      .filter((file) => file.endsWith('.ts'))
      .map((file) => path.join(solutions, slug, 'mistakes', file)),
  );
  for (let index = 0; index < size; index += 1) {
    const folder = path.join(root, `learner-${String(index + 1).padStart(4, '0')}`);
    for (const slug of slugs) {
      mkdirSync(path.join(folder, slug), { recursive: true });
      cpSync(path.join(solutions, slug, 'view.ts'), path.join(folder, slug, 'view.ts'));
    }
    if (index % 2 === 0) continue;
    for (let pick = 0; pick < 3; pick += 1) {
      const mistake = mistakes[(index * 7 + pick * 13) % mistakes.length];
      if (mistake) cpSync(mistake, path.join(folder, path.basename(path.dirname(path.dirname(mistake))), 'view.ts'));
    }
  }
  return root;
}
