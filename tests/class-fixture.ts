/**
 * A small class on disk for the class-grading tests, built from the kit's own material: solutions,
 * stubs, known mistakes (solutions/<slug>/mistakes), a view that does not compile, an empty folder, a folder
 * without exercises and a link to nowhere. Two learners hand in a whole copy of the kit, and one
 * hands it in wrapped in two folders more, as unzipping a download leaves it.
 */
import { cpSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { kitRoot } from './run-kit.js';

/** The exercises the class is graded on: two, to keep the tests fast. */
export const classSlugs = ['favorite-color', 'visit-counter'];

/** Every learner of the class, and what their folder holds. */
export const classLearners = {
  /** Solutions, as a folder of exercise folders. */
  solved: 'ada',
  /** A whole copy of the kit whose exercises are the stubs. */
  stubs: 'bo',
  /** Known mistakes: one caught by public checks, one only by hidden checks. */
  mistaken: 'cy',
  /** favorite-color does not compile; visit-counter is solved. */
  broken: 'di',
  empty: 'ed',
  /** Only a notes file. */
  noExercises: 'fay',
  /** A link to a folder that does not exist. */
  unreadable: 'gus',
  /** A whole copy of the kit, solved, with an id that CSV must quote. */
  quoted: 'li, "lee"',
  /** A whole copy of the kit two folders down (`Downloads/session-kit-main/exercises/`): favorite-color solved, visit-counter the stub. */
  wrapped: 'hal',
} as const;

export const classSize = Object.keys(classLearners).length;

function solutionsOf(folder: string): void {
  for (const slug of classSlugs) cpSync(path.join(kitRoot, 'solutions', slug), path.join(folder, slug), { recursive: true });
}

/** Builds the class in a new temporary folder and returns it. */
export function makeClass(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'class-'));
  const folder = (id: string): string => path.join(root, id);

  solutionsOf(folder(classLearners.solved));

  const kitCopy = path.join(folder(classLearners.stubs), 'exercises');
  for (const slug of classSlugs) cpSync(path.join(kitRoot, 'exercises', slug), path.join(kitCopy, slug), { recursive: true });
  writeFileSync(path.join(folder(classLearners.stubs), 'package.json'), '{ "name": "session-kit" }\n');

  solutionsOf(folder(classLearners.mistaken));
  cpSync(path.join(kitRoot, 'solutions', 'favorite-color', 'mistakes', 'session-set-method.ts'), path.join(folder(classLearners.mistaken), 'favorite-color', 'view.ts'));
  cpSync(path.join(kitRoot, 'solutions', 'visit-counter', 'mistakes', 'module-counter.ts'), path.join(folder(classLearners.mistaken), 'visit-counter', 'view.ts'));

  solutionsOf(folder(classLearners.broken));
  writeFileSync(path.join(folder(classLearners.broken), 'favorite-color', 'view.ts'), 'export function saveColor(req, res {\n  res.send("oops");\n}\n');

  mkdirSync(folder(classLearners.empty));
  mkdirSync(folder(classLearners.noExercises));
  writeFileSync(path.join(folder(classLearners.noExercises), 'notes.txt'), 'I will hand it in next week.\n');
  symlinkSync(path.join(root, 'no-such-folder'), folder(classLearners.unreadable));

  solutionsOf(path.join(folder(classLearners.quoted), 'exercises'));

  const wrapped = path.join(folder(classLearners.wrapped), 'Downloads', 'session-kit-main');
  cpSync(path.join(kitRoot, 'solutions', 'favorite-color'), path.join(wrapped, 'exercises', 'favorite-color'), { recursive: true });
  cpSync(path.join(kitRoot, 'exercises', 'visit-counter'), path.join(wrapped, 'exercises', 'visit-counter'), { recursive: true });
  writeFileSync(path.join(wrapped, 'package.json'), '{ "name": "session-kit" }\n');
  mkdirSync(path.join(folder(classLearners.wrapped), 'Downloads', 'photos'));
  return root;
}

/** A new empty folder for a run's output, outside the class. */
export function outFolder(name = 'out'): string {
  return path.join(mkdtempSync(path.join(tmpdir(), 'class-out-')), name);
}

/** Parses CSV as RFC 4180 writes it (quoted fields, doubled quotes, CRLF or LF). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[index + 1] === '\n') index += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += char;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}
