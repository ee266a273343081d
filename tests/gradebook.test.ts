/** Gradebook fields as a spreadsheet reads them. */
import { describe, expect, it } from 'vitest';
import { csvField } from '../grader/batch/gradebook.js';

describe('a gradebook field', () => {
  it('is quoted when it holds a comma, a quote or a line break', () => {
    expect(csvField('ana')).toBe('ana');
    expect(csvField(12)).toBe('12');
    expect(csvField('smith, ana')).toBe('"smith, ana"');
    expect(csvField('the "best"')).toBe('"the ""best"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
  });

  it('cannot be run as a formula by a spreadsheet', () => {
    expect(csvField('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('-2')).toBe("'-2");
    expect(csvField('@sum')).toBe("'@sum");
    expect(csvField(-2)).toBe('-2');
  });
});
