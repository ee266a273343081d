import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// The grader's layers, top to bottom (docs/architecture.md). An import may go down or stay in
// its layer, never up; a learner's copy is grader/ without grader/instructor/, so nothing else
// may reach into it but the entry, which loads the instructor's commands lazily by design.
const root = path.resolve(import.meta.dirname, '../..');
const grader = path.join(root, 'grader');

const layers = ['engine', 'outputs', 'commands', 'instructor', 'entry'] as const;
type Layer = (typeof layers)[number];

function layerOf(file: string): Layer {
  const top = path.relative(grader, file).split(path.sep)[0] ?? '';
  return (layers as readonly string[]).includes(top) && top !== 'entry' ? (top as Layer) : 'entry';
}

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return tsFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

const shown = (file: string) => path.relative(root, file);

interface Import {
  from: string;
  to: string;
  written: string;
}

// The compiler's own pre-processor reads static imports, re-exports, `import type` and
// `import('…')` with a literal path, and skips comments and strings, which a regular
// expression would not.
function importsOf(file: string): Import[] {
  const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  return importedFiles
    .map((imported) => imported.fileName)
    .filter((written) => written.startsWith('.'))
    .map((written) => ({ from: file, to: path.resolve(path.dirname(file), written.replace(/\.js$/, '.ts')), written }));
}

const files = tsFiles(grader).sort();
const imports = files.flatMap(importsOf);

/** Every circle of imports, each as the files in order, the first repeated at the end. */
function circles(edges: readonly Import[]): string[][] {
  const next = new Map<string, string[]>();
  for (const edge of edges) next.set(edge.from, [...(next.get(edge.from) ?? []), edge.to]);
  const found: string[][] = [];
  const done = new Set<string>();
  const onPath: string[] = [];
  const visit = (file: string): void => {
    const at = onPath.indexOf(file);
    if (at >= 0) {
      found.push([...onPath.slice(at), file]);
      return;
    }
    if (done.has(file)) return;
    onPath.push(file);
    for (const to of next.get(file) ?? []) visit(to);
    onPath.pop();
    done.add(file);
  };
  for (const file of [...next.keys()].sort()) visit(file);
  return found;
}

/** The imports that go from a lower layer to a higher one, each in one line. */
function upward(edges: readonly Import[]): string[] {
  return edges
    .filter((edge) => layers.indexOf(layerOf(edge.from)) < layers.indexOf(layerOf(edge.to)))
    .map((edge) => `${shown(edge.from)} (${layerOf(edge.from)}) imports ${edge.written} (${layerOf(edge.to)})`);
}

/** The imports into grader/instructor/ from outside it, the entry's aside, each in one line. */
function reachingInstructor(edges: readonly Import[]): string[] {
  const instructor = path.join(grader, 'instructor') + path.sep;
  const entry = path.join(grader, 'cli.ts');
  return edges
    .filter((edge) => edge.to.startsWith(instructor) && !edge.from.startsWith(instructor) && edge.from !== entry)
    .map((edge) => `${shown(edge.from)} imports ${edge.written}`);
}

describe('the layers of grader/', () => {
  it('reads the grader and its imports', () => {
    expect(files.length).toBeGreaterThan(50);
    expect(imports.length).toBeGreaterThan(100);
    for (const edge of imports) expect(files, `${shown(edge.from)} imports ${edge.written}, which is not there`).toContain(edge.to);
  });

  it('has no import from a lower layer to a higher one', () => {
    expect(upward(imports)).toEqual([]);
  });

  it("keeps the instructor's tools out of a learner's copy: only the entry reaches them", () => {
    expect(reachingInstructor(imports)).toEqual([]);
  });

  it('has no circle of imports', () => {
    expect(circles(imports).map((circle) => circle.map(shown).join(' → '))).toEqual([]);
  });

  it('finds a circle, an upward import and a reach into the instructor when there is one', () => {
    const edge = (from: string, to: string): Import => ({ from: path.join(grader, from), to: path.join(grader, to), written: `./${path.basename(to, '.ts')}.js` });
    const circle = [edge('engine/a.ts', 'engine/b.ts'), edge('engine/b.ts', 'engine/c.ts'), edge('engine/c.ts', 'engine/a.ts')];
    expect(circles(circle).map((found) => found.map(shown))).toEqual([['grader/engine/a.ts', 'grader/engine/b.ts', 'grader/engine/c.ts', 'grader/engine/a.ts']]);
    expect(circles(circle.slice(0, 2))).toEqual([]);
    expect(upward([edge('outputs/report.ts', 'commands/grade.ts')])).toEqual(['grader/outputs/report.ts (outputs) imports ./grade.js (commands)']);
    expect(upward([edge('commands/grade.ts', 'outputs/report.ts'), edge('cli.ts', 'instructor/commands/check.ts')])).toEqual([]);
    expect(reachingInstructor([edge('commands/grade.ts', 'instructor/class/junit.ts')])).toEqual(['grader/commands/grade.ts imports ./junit.js']);
    expect(reachingInstructor([edge('cli.ts', 'instructor/commands/check.ts'), edge('instructor/commands/class.ts', 'instructor/class/merge.ts')])).toEqual([]);
  });
});
