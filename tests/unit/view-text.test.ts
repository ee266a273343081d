/**
 * What the grader reads in a view's text itself, outside the sandbox: an untouched stub, a
 * handler without `export`. Proven on the kit's own stubs and on text built to be hard to read.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { addExportHint } from '../../grader/engine/grading/export-hint.js';
import { markNotStarted } from '../../grader/engine/grading/not-started.js';
import { viewTextLimit, withoutComments } from '../../grader/engine/grading/view-text.js';
import { findExercise, type ExerciseInfo } from '../../grader/engine/course/manifest.js';
import { exerciseResult, type ExerciseStatus } from '../../grader/engine/results.js';
import { kitRoot } from '../run-kit.js';

const info = findExercise('visit-counter') as ExerciseInfo;
const stub = readFileSync(path.join(kitRoot, 'exercises', 'visit-counter', '.stub', 'view.ts'), 'utf8');
const zero = (status: ExerciseStatus) =>
  exerciseResult({ slug: 'visit-counter', title: 'Visit counter', status, message: null, location: null, hiddenChecksIncluded: true, output: '', checks: [], durationMs: 1 });

describe("a view's text as the grader reads it", () => {
  it('blanks comments, keeps every line break, and runs an unclosed comment to the end', () => {
    expect(withoutComments('a /* b\nc */ d // e\nf')).toBe('a     \n     d     \nf');
    expect(withoutComments('x /* never closed\ny')).toBe('x                \n ');
    expect(withoutComments('/*/ still a comment */z')).toBe('                      z');
  });

  it('calls the kit stub not started, with or without its comments', () => {
    expect(markNotStarted(zero('failed'), stub, info).status).toBe('not-started');
    expect(markNotStarted(zero('failed'), withoutComments(stub), info).status).toBe('not-started');
    expect(markNotStarted(zero('failed'), stub.replace('res.status(501)', 'res.status(500)'), info).status).toBe('failed');
  });

  it('leaves a view longer than any stub unread, however it is padded', () => {
    // Text made to cost the comment and export patterns the most: comment starts and export lists never closed.
    const padding = `export const s = "${'/*x'.repeat(viewTextLimit)}${'export {'.repeat(1000)}";\n`;
    expect(markNotStarted(zero('failed'), stub + padding, info).status).toBe('failed');
    const unexported = stub.replace('export function countVisit', 'function countVisit');
    const missing = { ...zero('missing-export'), message: 'view.ts does not export the function `countVisit`' };
    expect(addExportHint(missing, unexported, info, 'view.ts').fix).toMatch(/^add `export` before `function countVisit` on line \d+ of view\.ts$/);
    // Too long to read: the fix that needs no reading.
    expect(addExportHint(missing, unexported + padding, info, 'view.ts').fix).toBe(
      'export the function `countVisit` from view.ts, as `export function countVisit(req: Request, res: Response): void`',
    );
  });
});
