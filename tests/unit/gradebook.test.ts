/** Gradebook fields as a spreadsheet reads them. */
import { describe, expect, it } from 'vitest';
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
