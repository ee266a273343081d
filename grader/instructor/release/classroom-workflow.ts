/**
 * The GitHub Classroom workflow of a learner's copy (`.github/workflows/classroom.yml`), written
 * from the course by the release: one test per exercise, worth the points of its public checks
 * (a learner's repository holds no other), so that a new exercise needs no step written by hand.
 */
import { publicChecksOf } from '../../engine/course/course.js';
import type { GradedExercise } from '../../engine/grading/grade.js';
import { pointsOf } from '../../engine/results.js';

/** Where the workflow goes in a learner's copy, the assignment's template repository. */
export const classroomWorkflowFile = '.github/workflows/classroom.yml';

/** A YAML scalar for `text`: JSON's double-quoted strings are YAML's too. */
function quoted(text: string): string {
  return JSON.stringify(text);
}

/** The name of the environment variable through which the reporter reads a test's result. */
export function resultVariable(slug: string): string {
  return `${slug.toUpperCase()}_RESULTS`;
}

/** The command a test runs: the exercise passes when every one of its checks does. */
export function gradeCommand(slug: string): string {
  return `npm run --silent grade -- ${slug} --fail-under 100 --no-typecheck`;
}

function testStep(exercise: GradedExercise): string {
  const { slug, title } = exercise.info;
  return [
    `      - name: ${quoted(title)}`,
    `        id: ${slug}`,
    '        uses: classroom-resources/autograding-command-grader@v1',
    '        with:',
    `          test-name: ${slug}`,
    "          setup-command: ''",
    `          command: ${gradeCommand(slug)}`,
    '          timeout: 5',
    `          max-score: ${pointsOf(publicChecksOf(exercise))}`,
  ].join('\n');
}

/** The workflow for `course`, in its order. */
export function classroomWorkflow(course: readonly GradedExercise[]): string {
  const slugs = course.map((exercise) => exercise.info.slug);
  return `# GitHub Classroom autograding, written by \`npm run release\` from the course: on every push it
# grades the learner's exercises in the kit's sandbox and reports points to GitHub Classroom. Each
# exercise is one test worth the points of its public checks, earned when every check of the
# exercise passes (\`--fail-under 100\`). A last step puts the exact points of every exercise, from
# the result document (\`--json\`), in the run's summary and keeps grade.json as an artifact.
name: Autograding Tests
'on':
  push:
  workflow_dispatch:
  repository_dispatch:
permissions:
  checks: write
  actions: read
  contents: read
jobs:
  run-autograding-tests:
    runs-on: ubuntu-latest
    if: github.actor != 'github-classroom[bot]'
    steps:
      - name: Checkout code
        uses: actions/checkout@v7
      - name: Set up Node 24
        uses: actions/setup-node@v7
        with:
          node-version: 24
          cache: npm
      - name: Install the kit
        run: npm ci --no-audit --no-fund
${course.map(testStep).join('\n')}
      - name: Autograding Reporter
        uses: classroom-resources/autograding-grading-reporter@v1
        env:
${slugs.map((slug) => `          ${resultVariable(slug)}: "\${{steps.${slug}.outputs.result}}"`).join('\n')}
        with:
          runners: ${slugs.join(',')}
      - name: Points per exercise
        if: always()
        run: |
          npm run --silent grade -- --json --no-typecheck > grade.json
          node -e '
            const result = JSON.parse(require("fs").readFileSync("grade.json", "utf8"));
            const rows = result.exercises.map((e) => \`| \${e.slug} | \${e.status} | \${e.score}/\${e.maxScore} |\`);
            console.log([\`### Points: \${result.score}/\${result.maxScore}\`, "", "| exercise | status | points |", "| --- | --- | --- |", ...rows].join("\\n"));
          ' >> "$GITHUB_STEP_SUMMARY"
      - name: Keep the result document
        if: always()
        uses: actions/upload-artifact@v7
        with:
          name: grade
          path: grade.json
`;
}
