/** Gradebook fields as a spreadsheet reads them, and the class records the gradebook is rebuilt from. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { gradeResult } from '../../grader/engine/results.js';
import { classEntry, currentRecordVersion, outPaths, readLearner, writeClassFiles, writeLearner } from '../../grader/instructor/class/class-outputs.js';
import { csvCell } from '../../grader/outputs/escape.js';

describe('a gradebook field', () => {
  it('is quoted when it holds a comma, a quote or a line break', () => {
    expect(csvCell('ana')).toBe('ana');
    expect(csvCell(12)).toBe('12');
    expect(csvCell('smith, ana')).toBe('"smith, ana"');
    expect(csvCell('the "best"')).toBe('"the ""best"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
  });

  it('cannot be run as a formula by a spreadsheet', () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@sum')).toBe("'@sum");
    expect(csvCell(-2)).toBe('-2');
  });
});

describe('a class record', () => {
  const result = gradeResult('.', [], 'bwrap');
  const record = { learner: 'ada', submission: '/class/ada', reason: null, fingerprint: 'sha256:0' };

  it('carries the hand-in, read back with its result by --resume and merge', () => {
    const out = mkdtempSync(path.join(tmpdir(), 'class-record-'));
    try {
      writeLearner(out, { recordVersion: currentRecordVersion, handIn: 'graded', ...record }, result, { formats: [], hiddenVisibility: 'visible' });
      expect(readLearner(out, 'ada')?.record).toMatchObject({ handIn: 'graded' });
      writeClassFiles(out, [classEntry('ada', result, readLearner(out, 'ada')?.record ?? null)]);
      expect(readFileSync(path.join(out, 'gradebook.csv'), 'utf8').split('\r\n')[0]).toBe('id,total,maximum,hand-in');
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('of the version that called the hand-in a verdict is read as absent, so the learner is graded again', () => {
    const out = mkdtempSync(path.join(tmpdir(), 'class-record-'));
    try {
      writeLearner(out, { recordVersion: currentRecordVersion, handIn: 'graded', ...record }, result, { formats: [], hiddenVisibility: 'visible' });
      writeFileSync(outPaths(out).record('ada'), `${JSON.stringify({ recordVersion: 1, verdict: 'graded', ...record }, null, 2)}\n`);
      expect(readLearner(out, 'ada')).toBeNull();
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
