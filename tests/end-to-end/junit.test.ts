/**
 * The JUnit files a class run writes are valid against `junit-10.xsd`, the schema the Jenkins xUnit
 * plugin checks its input against (tests/formats/junit-10.xsd, from jenkinsci/xunit-plugin, MIT
 * licence inside), as `xmllint` judges them. A class of real submissions brings every status: an
 * exercise that could not run is an error per check with its reason, counted in `errors`; a check
 * that ran and failed is a failure; each test case is timed by its own check.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { xmlAttribute } from '../../grader/outputs/escape.js';
import { learnerView } from '../../grader/instructor/class/learner-view.js';
import { outputName } from '../../grader/instructor/class/output-name.js';
import type { GradeResult } from '../../grader/engine/results.js';
import { outFolder } from '../class-fixture.js';
import { kitRoot, runKit } from '../run-kit.js';

const schema = path.join(kitRoot, 'tests', 'formats', 'junit-10.xsd');
const slugs = ['favorite-color', 'visit-counter'];
const hostile = (name: string): string => path.join(kitRoot, 'tests', 'hostile', `${name}.ts`);

/** Each learner's two exercises, so that the class brings every status there is. */
const learners: Record<string, Record<string, string | null>> = {
  // passed, failed
  ada: { 'favorite-color': path.join(kitRoot, 'solutions', 'favorite-color', 'view.ts'), 'visit-counter': path.join(kitRoot, 'solutions', 'visit-counter', 'mistakes', 'module-counter.ts') },
  // compile-error, missing-file
  bo: { 'favorite-color': hostile('syntax-error'), 'visit-counter': null },
  // crashed (at load, whatever the exercise), missing-export
  cy: { 'favorite-color': hostile('throws-at-import'), 'visit-counter': hostile('missing-export') },
  // timeout (at load), out-of-memory
  di: { 'favorite-color': hostile('loops-at-import'), 'visit-counter': hostile('unbounded-memory') },
  // not-started: the stubs as handed out
  ed: { 'favorite-color': path.join(kitRoot, 'exercises', 'favorite-color', '.stub', 'view.ts'), 'visit-counter': path.join(kitRoot, 'exercises', 'visit-counter', '.stub', 'view.ts') },
};

/** `xmllint --schema`: exit status and what it said. */
function validate(file: string): { status: number | null; said: string } {
  const run = spawnSync('xmllint', ['--noout', '--schema', schema, file], { encoding: 'utf8' });
  return { status: run.status, said: `${run.stdout}${run.stderr}`.trim() };
}

const hasXmllint = spawnSync('xmllint', ['--version']).status === 0;

describe.skipIf(!hasXmllint && !process.env.CI)('JUnit files of a class run (xmllint is not installed: apt-get install libxml2-utils)', () => {
  let submissions: string;
  let out: string;
  let results: Map<string, GradeResult>;

  beforeAll(() => {
    submissions = mkdtempSync(path.join(tmpdir(), 'junit-class-'));
    for (const [learner, views] of Object.entries(learners)) {
      for (const [slug, view] of Object.entries(views)) {
        if (view === null) continue;
        mkdirSync(path.join(submissions, learner, slug), { recursive: true });
        cpSync(view, path.join(submissions, learner, slug, 'view.ts'));
      }
    }
    out = outFolder('junit');
    const run = runKit(['grade', ...slugs, '--submissions', submissions, '--out', out, '--format', 'junit', '--heap-mb', '64']);
    expect(run.status, run.stderr).toBe(0);
    results = new Map(Object.keys(learners).map((learner) => [learner, JSON.parse(readFileSync(path.join(out, 'results', `${outputName(learner)}.json`), 'utf8')) as GradeResult]));
  }, 180_000);

  afterAll(() => {
    rmSync(submissions, { recursive: true, force: true });
    rmSync(path.dirname(out), { recursive: true, force: true });
  });

  it('brings every status an exercise can end in but the unreadable files', () => {
    const statuses = new Set([...results.values()].flatMap((result) => result.exercises.map((exercise) => exercise.status)));
    expect([...statuses].sort()).toEqual(['compile-error', 'crashed', 'failed', 'missing-export', 'missing-file', 'not-started', 'out-of-memory', 'passed', 'timeout']);
  });

  it('writes files that xmllint validates against junit-10.xsd', () => {
    if (!hasXmllint) throw new Error('xmllint is not installed: apt-get install libxml2-utils');
    const files = readdirSync(path.join(out, 'junit'));
    expect(files.sort()).toEqual(Object.keys(learners).map((learner) => `${outputName(learner)}.xml`).sort());
    for (const file of files) {
      const { status, said } = validate(path.join(out, 'junit', file));
      expect(said).toBe(`${path.join(out, 'junit', file)} validates`);
      expect(status).toBe(0);
    }
  });

  it('is refused by xmllint with properties inside a test case, as the files once had them', () => {
    if (!hasXmllint) throw new Error('xmllint is not installed: apt-get install libxml2-utils');
    const xml = readFileSync(path.join(out, 'junit', 'ada.xml'), 'utf8');
    const old = xml.replace(/(<testcase [^>]*?)\/>/, '$1>\n      <properties><property name="level" value="easy"/></properties>\n    </testcase>');
    expect(old).not.toBe(xml);
    const file = path.join(out, 'old-shape.xml');
    writeFileSync(file, old);
    const { status, said } = validate(file);
    expect(status).not.toBe(0);
    expect(said).toContain("Element 'properties': This element is not expected.");
  });

  it('makes an exercise that could not run an error per check, with its reason, and a failed check of one that ran a failure', () => {
    for (const [learner, result] of results) {
      const xml = readFileSync(path.join(out, 'junit', `${outputName(learner)}.xml`), 'utf8');
      let failures = 0;
      let errors = 0;
      // The file shows the learner's view: paths from their own folder.
      for (const exercise of learnerView(result, path.join(submissions, learner)).exercises) {
        const suite = new RegExp(`<testsuite name="${exercise.slug}" [^>]*>[\\s\\S]*?</testsuite>`).exec(xml)?.[0] ?? '';
        const failed = exercise.checks.filter((check) => !check.passed).length;
        const ran = exercise.status === 'passed' || exercise.status === 'failed';
        expect(suite, `${learner} ${exercise.slug}`).toContain(`failures="${ran ? failed : 0}" errors="${ran ? 0 : failed}"`);
        expect(suite.match(/<failure /g)?.length ?? 0).toBe(ran ? failed : 0);
        expect(suite.match(/<error /g)?.length ?? 0).toBe(ran ? 0 : failed);
        if (!ran) expect(suite).toContain(`type="${exercise.status}"`);
        if (!ran && exercise.message) expect(suite).toContain(`<error message="${xmlAttribute(exercise.message)}"`);
        expect(suite).toContain(`<property name="status" value="${exercise.status}"/>`);
        failures += ran ? failed : 0;
        errors += ran ? 0 : failed;
      }
      expect(xml).toMatch(new RegExp(`^<testsuites name="session-kit: ${learner}" tests="\\d+" failures="${failures}" errors="${errors}"`, 'm'));
    }
    // Every learner but the one who passed and failed has errors.
    expect([...results.keys()].filter((learner) => /errors="[1-9]/.test(readFileSync(path.join(out, 'junit', `${learner}.xml`), 'utf8').split('\n')[1] ?? ''))).toEqual(['bo', 'cy', 'di', 'ed']);
  });

  it("times each test case by its own check's run", () => {
    const result = results.get('ada') as GradeResult;
    const xml = readFileSync(path.join(out, 'junit', 'ada.xml'), 'utf8');
    // The checks' test cases; a quiz's questions are cases of their own suite, untimed.
    const times = [...xml.matchAll(/<testcase classname="(?![^"]* quiz")[^>]*time="([\d.]+)"/g)].map((match) => match[1]);
    const checks = result.exercises.flatMap((exercise) => exercise.checks);
    expect(times).toEqual(checks.map((check) => (check.durationMs / 1000).toFixed(3)));
    // A hidden check's time is not kept: the app could stretch it to carry what the check sent.
    expect(checks.every((check) => (check.visibility === 'public' ? check.durationMs > 0 : check.durationMs === 0))).toBe(true);
    expect(new Set(times).size).toBeGreaterThan(1);
  });
});
