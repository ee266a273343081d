/**
 * The output folder of a class run, and the one place that knows its layout:
 *
 *   gradebook.csv                 one row per learner
 *   report.html                   the class report
 *   results/<name>.json           the result document (what `npm run grade -- --json` prints)
 *   feedback/<name>.md            what the learner may see
 *   records/<name>.json           the learner id, the hand-in and the content fingerprint, for --resume and merge
 *   gradescope/<name>/results.json, junit/<name>.xml   with --format
 *
 * `<name>` is the learner id made safe for a file name (`outputName`); the id itself is kept in
 * the record. A learner's record is written last: a learner with a record has all their files.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { GradeResult } from '../../engine/results.js';
import { writeAtomic } from '../../outputs/atomic-write.js';
import { renderClassReport } from './class-report.js';
import { renderFeedback } from './feedback.js';
import { renderGradebook, type ClassEntry } from './gradebook.js';
import { toGradescope, type GradescopeVisibility } from './gradescope.js';
import { toJUnit } from './junit.js';
import { learnerView } from './learner-view.js';
import { outputName } from './output-name.js';

/** The extra formats a class run can write beside the results and the feedback. */
export type OutputFormat = 'gradescope' | 'junit';

export const outputFormats: readonly OutputFormat[] = ['gradescope', 'junit'];

/**
 * The version of the records this grader writes and reads. A record of another version is read as
 * absent: --resume grades that learner again, and merge asks for its shard to be finished with
 * --resume first. 2: the hand-in is `handIn` (version 1 called it `verdict`).
 */
export const currentRecordVersion = 2;

/** Beside each results document: how the learner's folder was judged, and what was graded. */
export interface LearnerRecord {
  recordVersion: typeof currentRecordVersion;
  learner: string;
  /** The learner's folder when graded. */
  submission: string;
  /** The hand-in: `graded`, `empty`, `no-exercises`, `unreadable`, `link-outside`, `zip-refused`, or `grader-error` when grading itself failed. */
  handIn: string;
  reason: string | null;
  /** How a graded hand-in was read, when the grader chose for the learner (the copy graded, a folder's name); absent from records written before it. */
  note?: string | null;
  /** Of the graded files and settings; null means "grade again on --resume". */
  fingerprint: string | null;
}

export interface LearnerOutputOptions {
  formats: readonly OutputFormat[];
  hiddenVisibility: GradescopeVisibility;
}

/** Where each file of a class run goes; a learner's files are found by the learner id. */
export function outPaths(out: string) {
  return {
    gradebook: path.join(out, 'gradebook.csv'),
    report: path.join(out, 'report.html'),
    resultsDir: path.join(out, 'results'),
    results: (learner: string) => path.join(out, 'results', `${outputName(learner)}.json`),
    feedback: (learner: string) => path.join(out, 'feedback', `${outputName(learner)}.md`),
    recordsDir: path.join(out, 'records'),
    record: (learner: string) => path.join(out, 'records', `${outputName(learner)}.json`),
    gradescope: (learner: string) => path.join(out, 'gradescope', outputName(learner), 'results.json'),
    junit: (learner: string) => path.join(out, 'junit', `${outputName(learner)}.xml`),
  };
}

/** Every file a learner can have in an output folder, the record last. */
export function learnerFiles(out: string, learner: string): string[] {
  const paths = outPaths(out);
  return [paths.results(learner), paths.feedback(learner), paths.gradescope(learner), paths.junit(learner), paths.record(learner)];
}

/** The copies of the learner's result in the formats asked for, from the learner's view. */
function writeFormats(out: string, record: LearnerRecord, result: GradeResult, options: LearnerOutputOptions, only: 'missing' | 'all'): void {
  const paths = outPaths(out);
  const view = learnerView(result, record.submission);
  const wanted = (file: string): boolean => only === 'all' || !existsSync(file);
  const note = record.note ?? null;
  if (wanted(paths.feedback(record.learner))) writeAtomic(paths.feedback(record.learner), renderFeedback(record.learner, view, record.reason, note));
  if (options.formats.includes('gradescope') && wanted(paths.gradescope(record.learner))) {
    writeAtomic(paths.gradescope(record.learner), `${JSON.stringify(toGradescope(view, options.hiddenVisibility, record.reason, note), null, 2)}\n`);
  }
  if (options.formats.includes('junit') && wanted(paths.junit(record.learner))) writeAtomic(paths.junit(record.learner), toJUnit(record.learner, view));
}

/** Writes every file of one graded learner; the record goes last. */
export function writeLearner(out: string, record: LearnerRecord, result: GradeResult, options: LearnerOutputOptions): void {
  const paths = outPaths(out);
  writeAtomic(paths.results(record.learner), `${JSON.stringify(result, null, 2)}\n`);
  writeFormats(out, record, result, options, 'all');
  writeAtomic(paths.record(record.learner), `${JSON.stringify(record, null, 2)}\n`);
}

/** For a learner kept from an earlier run: writes the formats this run asks for that it lacks. */
export function completeLearner(out: string, record: LearnerRecord, result: GradeResult, options: LearnerOutputOptions): void {
  writeFormats(out, record, result, options, 'missing');
}

function readJson<T>(file: string): T | null {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch {
    return null;
  }
}

function isResult(value: unknown): value is GradeResult {
  const result = value as Partial<GradeResult> | null;
  return typeof result === 'object' && result !== null && typeof result.score === 'number' && Array.isArray(result.exercises);
}

/** A learner's record and result from an output folder, or null when either is missing or damaged. */
export function readLearner(out: string, learner: string): { record: LearnerRecord; result: GradeResult } | null {
  const paths = outPaths(out);
  const record = readJson<LearnerRecord>(paths.record(learner));
  const result = readJson<unknown>(paths.results(learner));
  if (!record || record.recordVersion !== currentRecordVersion || record.learner !== learner || !isResult(result)) return null;
  return { record, result };
}

/** A results document found in an output folder, and the learner its record names (null without a record). */
export interface StoredLearner {
  name: string;
  learner: string | null;
}

/** The learners that have a results document in an output folder. */
export function learnersIn(out: string): StoredLearner[] {
  const paths = outPaths(out);
  if (!existsSync(paths.resultsDir)) return [];
  return readdirSync(paths.resultsDir)
    .filter((file) => file.endsWith('.json') && !file.startsWith('.'))
    .map((file) => {
      const name = file.slice(0, -'.json'.length);
      const record = readJson<Partial<LearnerRecord>>(path.join(paths.recordsDir, file));
      const learner = typeof record?.learner === 'string' && outputName(record.learner) === name ? record.learner : null;
      return { name, learner };
    });
}

/** A class entry from a stored result (its hand-in from the record, when there is one). */
export function classEntry(learner: string, result: GradeResult, record: LearnerRecord | null): ClassEntry {
  return { learner, result, handIn: record?.handIn ?? 'graded', reason: record?.reason ?? null };
}

/** The link from report.html to a learner's feedback file, when it is there (a merged shard may lack it). */
function feedbackLink(out: string): (learner: string) => string | null {
  const paths = outPaths(out);
  return (learner) => {
    const file = paths.feedback(learner);
    // An output name is made of characters a URL keeps as they are, and the link is relative: the folder can move.
    return existsSync(file) ? path.relative(path.dirname(paths.report), file).split(path.sep).join('/') : null;
  };
}

/** Rebuilds the gradebook and the class report from these entries. */
export function writeClassFiles(out: string, entries: readonly ClassEntry[]): void {
  const paths = outPaths(out);
  writeAtomic(paths.gradebook, renderGradebook(entries));
  writeAtomic(paths.report, renderClassReport(entries, { feedbackLink: feedbackLink(out) }));
}
