/**
 * Hand-ins made to trip the class run: two zips that would both be learner `bob`, and changes an
 * interrupted run must not miss (`--resume`): the quiz's answers, a file the view imports, the
 * reason a zip is refused. Each is found on folders made here.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { manifest } from '../../grader/engine/course/manifest.js';
import { readQuiz } from '../../grader/engine/course/quiz.js';
import { defaultLimits } from '../../grader/engine/grading/grade.js';
import { readStub } from '../../grader/engine/course/stubs.js';
import { findSubmissions, fingerprint, type GradingSettings, type Submission } from '../../grader/instructor/class/submissions.js';
import { createZip } from '../../grader/instructor/class/zip.js';
import { handInFolders, write } from '../hand-in-folders.js';

const slug = 'favorite-color';
const worked = `${readStub(slug)}\n// my work\n`;

let subs: string;
let staging: string;

beforeEach(() => {
  ({ subs, staging } = handInFolders('hand-ins-hostile-'));
});

function zipOfView(text: string): Buffer {
  return createZip([{ name: `exercises/${slug}/view.ts`, data: Buffer.from(text), mode: 0o644 }]);
}

function learner(id: string): Submission {
  const found = findSubmissions(subs, staging).filter((submission) => submission.id === id);
  if (found.length !== 1) throw new Error(`${found.length} learners ${id}`);
  return found[0]!;
}

/** What a class run weighs for one exercise: its checks do not matter here, its quiz's key does. */
const settings: GradingSettings = {
  exercises: manifest.exercises
    .filter((info) => info.slug === slug)
    .map((info) => ({ info, checks: [], hiddenChecksIncluded: false, quiz: readQuiz(info.slug) })) as unknown as GradingSettings['exercises'],
  limits: defaultLimits,
  typecheck: false,
  grader: 'x',
};

describe('learner ids', () => {
  it('are never shared by two zips whose names differ only in the case of .zip', () => {
    writeFileSync(path.join(subs, 'bob.zip'), zipOfView(worked));
    writeFileSync(path.join(subs, 'bob.ZIP'), zipOfView(readStub(slug)!));
    const ids = findSubmissions(subs, staging).map((submission) => submission.id);
    expect(ids).toEqual(['bob.ZIP', 'bob.zip']);
  });

  it('stay the bare name for a zip that is the only one of its name', () => {
    writeFileSync(path.join(subs, 'bob.zip'), zipOfView(worked));
    writeFileSync(path.join(subs, 'ada.ZIP'), zipOfView(worked));
    expect(findSubmissions(subs, staging).map((submission) => submission.id)).toEqual(['ada', 'bob']);
  });
});

describe('a fingerprint (what --resume compares)', () => {
  it('changes when only the quiz answers change', () => {
    write(path.join(subs, 'ada', slug, 'view.ts'), worked);
    write(path.join(subs, 'ada', slug, 'quiz-answers.json'), '{"answers": {}}\n');
    const before = fingerprint(learner('ada'), settings);
    const quiz = readQuiz(slug)!;
    const first = quiz.questions[0]!.id;
    write(path.join(subs, 'ada', slug, 'quiz-answers.json'), JSON.stringify({ answers: { [first]: 'A' } }));
    expect(fingerprint(learner('ada'), settings)).not.toBe(before);
  });

  it('changes when only a file the view imports changes, beside it or below it', () => {
    write(path.join(subs, 'ada', slug, 'view.ts'), `${worked}import './helper';\nimport './lib';\n`);
    write(path.join(subs, 'ada', slug, 'helper.ts'), 'export const a = 1;\n');
    write(path.join(subs, 'ada', slug, 'lib', 'index.ts'), 'export const b = 1;\n');
    const before = fingerprint(learner('ada'), settings);
    write(path.join(subs, 'ada', slug, 'helper.ts'), 'export const a = 2;\n');
    const helperChanged = fingerprint(learner('ada'), settings);
    expect(helperChanged).not.toBe(before);
    write(path.join(subs, 'ada', slug, 'lib', 'index.ts'), 'export const b = 2;\n');
    expect(fingerprint(learner('ada'), settings)).not.toBe(helperChanged);
  });

  it('changes when a zip is refused for another reason', () => {
    writeFileSync(path.join(subs, 'bob.zip'), 'not a zip');
    const before = learner('bob');
    const bad = zipOfView(worked);
    // The same zip, its one entry's checksum broken: refused again, for another reason.
    const crcAt = bad.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])) + 16;
    bad.writeUInt32LE((bad.readUInt32LE(crcAt) ^ 1) >>> 0, crcAt);
    writeFileSync(path.join(subs, 'bob.zip'), bad);
    const after = learner('bob');
    expect(after.handIn).toBe(before.handIn);
    expect(after.reason).not.toBe(before.reason);
    expect(fingerprint(after, settings)).not.toBe(fingerprint(before, settings));
  });

  it('stays the same when nothing changed', () => {
    write(path.join(subs, 'ada', slug, 'view.ts'), worked);
    write(path.join(subs, 'ada', slug, 'helper.ts'), 'export const a = 1;\n');
    write(path.join(subs, 'ada', slug, 'quiz-answers.json'), '{"answers": {}}\n');
    expect(fingerprint(learner('ada'), settings)).toBe(fingerprint(learner('ada'), settings));
  });
});
